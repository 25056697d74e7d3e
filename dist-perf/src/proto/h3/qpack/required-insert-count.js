/**
 * Required Insert Count wire encoding (RFC 9204 §4.5.1.1): the count is sent modulo
 * 2 * MaxEntries so the prefix stays short on long-lived connections.
 */
import { QpackError, QpackErrorCode } from './errors.js';
/** MaxEntries for a decoder's SETTINGS_QPACK_MAX_TABLE_CAPACITY. */
export function maxEntries(maxTableCapacity) {
    return Math.floor(maxTableCapacity / 32);
}
export function encodeRequiredInsertCount(requiredInsertCount, maxEntriesValue) {
    if (requiredInsertCount === 0)
        return 0;
    return (requiredInsertCount % (2 * maxEntriesValue)) + 1;
}
/** Reconstructs the Required Insert Count; throws QPACK_DECOMPRESSION_FAILED for impossible values. */
export function decodeRequiredInsertCount(encoded, maxEntriesValue, totalInserts) {
    if (encoded === 0)
        return 0;
    const fullRange = 2 * maxEntriesValue;
    if (encoded > fullRange)
        throw new QpackError(QpackErrorCode.QPACK_DECOMPRESSION_FAILED, `encoded Required Insert Count ${encoded} out of range`);
    const maxValue = totalInserts + maxEntriesValue;
    const maxWrapped = Math.floor(maxValue / fullRange) * fullRange;
    let ric = maxWrapped + encoded - 1;
    if (ric > maxValue) {
        if (ric <= fullRange)
            throw new QpackError(QpackErrorCode.QPACK_DECOMPRESSION_FAILED, 'invalid Required Insert Count');
        ric -= fullRange;
    }
    if (ric === 0)
        throw new QpackError(QpackErrorCode.QPACK_DECOMPRESSION_FAILED, 'invalid Required Insert Count');
    return ric;
}
//# sourceMappingURL=required-insert-count.js.map