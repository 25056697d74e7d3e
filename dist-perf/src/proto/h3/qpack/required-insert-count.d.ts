/** MaxEntries for a decoder's SETTINGS_QPACK_MAX_TABLE_CAPACITY. */
export declare function maxEntries(maxTableCapacity: number): number;
export declare function encodeRequiredInsertCount(requiredInsertCount: number, maxEntriesValue: number): number;
/** Reconstructs the Required Insert Count; throws QPACK_DECOMPRESSION_FAILED for impossible values. */
export declare function decodeRequiredInsertCount(encoded: number, maxEntriesValue: number, totalInserts: number): number;
