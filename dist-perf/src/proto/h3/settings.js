/**
 * HTTP/3 SETTINGS (RFC 9114 §7.2.4) payload codec and validation, with the setting ids of QPACK,
 * extended CONNECT, HTTP Datagrams and every WebTransport draft we speak.
 */
import { ByteReader, ByteWriter, TruncatedInputError } from '../util/bytes.js';
import { H3Error, H3ErrorCode, isReservedH3Code, randomReservedH3Code } from './errors.js';
export const H3SettingId = {
    SETTINGS_QPACK_MAX_TABLE_CAPACITY: 0x01,
    SETTINGS_MAX_FIELD_SECTION_SIZE: 0x06,
    SETTINGS_QPACK_BLOCKED_STREAMS: 0x07,
    SETTINGS_ENABLE_CONNECT_PROTOCOL: 0x08,
    SETTINGS_H3_DATAGRAM: 0x33,
    /** draft-ietf-masque-h3-datagram-04..08; Chromium still sends it beside 0x33. */
    SETTINGS_H3_DATAGRAM_DRAFT04: 0xffd277,
    /** WebTransport draft-02 (Chromium's default wire version). */
    SETTINGS_ENABLE_WEBTRANSPORT: 0x2b603742,
    /** WebTransport draft-07 .. -12. */
    SETTINGS_WEBTRANSPORT_MAX_SESSIONS: 0xc671706a,
    /** WebTransport -13 / -14. */
    SETTINGS_WT_MAX_SESSIONS: 0x14e9cd29,
    /** WebTransport -15 / -16. */
    SETTINGS_WT_ENABLED: 0x2c7cf000,
    SETTINGS_WT_INITIAL_MAX_DATA: 0x2b61,
    SETTINGS_WT_INITIAL_MAX_STREAMS_UNI: 0x2b64,
    SETTINGS_WT_INITIAL_MAX_STREAMS_BIDI: 0x2b65,
};
/** HTTP/2 setting ids reserved in HTTP/3: receiving one is H3_SETTINGS_ERROR (RFC 9114 §7.2.4.1, §11.2.2). */
export const H2OnlySettingId = {
    SETTINGS_ENABLE_PUSH: 0x02,
    SETTINGS_MAX_CONCURRENT_STREAMS: 0x03,
    SETTINGS_INITIAL_WINDOW_SIZE: 0x04,
    SETTINGS_MAX_FRAME_SIZE: 0x05,
};
/** Settings whose value must be 0 or 1 (RFC 8441 §3, RFC 9297 §2.1.1, WT drafts; quiche checks the same). */
const BOOLEAN_SETTINGS = new Set([
    H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL,
    H3SettingId.SETTINGS_H3_DATAGRAM,
    H3SettingId.SETTINGS_H3_DATAGRAM_DRAFT04,
    H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT,
    H3SettingId.SETTINGS_WT_ENABLED,
]);
const TWO_POW_53 = 2n ** 53n;
/** Reads a varint as a number; anything at or above 2^53 comes back as 2^53 (a marker above MAX_SAFE_INTEGER). */
function readSaturating(r) {
    if (r.remaining >= 1 && r.buf[r.pos] >> 6 === 3) {
        const big = r.varintBig();
        return big >= TWO_POW_53 ? Number.MAX_SAFE_INTEGER + 1 : Number(big);
    }
    return r.varint();
}
/** Decodes and validates a SETTINGS frame payload; throws H3Error(H3_SETTINGS_ERROR | H3_FRAME_ERROR). */
export function decodeSettingsPayload(payload) {
    const out = new Map();
    const seen = new Set();
    let seenHuge;
    const r = new ByteReader(payload);
    try {
        while (!r.done) {
            const idStart = r.pos;
            const id = readSaturating(r);
            const idEnd = r.pos;
            const rawValue = readSaturating(r);
            const value = Math.min(rawValue, Number.MAX_SAFE_INTEGER);
            if (id > Number.MAX_SAFE_INTEGER) {
                // Duplicate detection for huge ids uses their encoding; they are never meaningful.
                const key = Array.from(payload.subarray(idStart, idEnd)).join(',');
                seenHuge ??= new Set();
                if (seenHuge.has(key))
                    throw dup(id);
                seenHuge.add(key);
                continue;
            }
            if (seen.has(id))
                throw dup(id);
            seen.add(id);
            if (id >= 0x02 && id <= 0x05)
                throw new H3Error(H3ErrorCode.H3_SETTINGS_ERROR, `HTTP/2 setting 0x${id.toString(16)} received`);
            if (BOOLEAN_SETTINGS.has(id) && value > 1) {
                throw new H3Error(H3ErrorCode.H3_SETTINGS_ERROR, `setting 0x${id.toString(16)} must be 0 or 1, got ${rawValue}`);
            }
            if (isReservedH3Code(id))
                continue;
            out.set(id, value);
        }
    }
    catch (e) {
        if (e instanceof TruncatedInputError)
            throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, 'truncated SETTINGS payload');
        throw e;
    }
    return out;
}
function dup(id) {
    return new H3Error(H3ErrorCode.H3_SETTINGS_ERROR, `duplicate setting 0x${id.toString(16)}`);
}
/** Encodes a SETTINGS payload in the given order. Throws RangeError for our own bad input (duplicates, HTTP/2 ids). */
export function encodeSettingsPayload(settings) {
    const w = new ByteWriter(64);
    const seen = new Set();
    for (const [id, value] of settings) {
        const key = BigInt(id);
        if (seen.has(key))
            throw new RangeError(`duplicate setting ${id}`);
        if (key >= 2n && key <= 5n)
            throw new RangeError(`HTTP/2 setting ${id} must not be sent`);
        seen.add(key);
        w.varint(id).varint(value);
    }
    return w.finish();
}
/** A GREASE setting (RFC 9114 §7.2.4.1 says to send at least one): reserved id, random small value. */
export function greaseSetting(rng) {
    const id = randomReservedH3Code(rng);
    const v = rng.fill(new Uint8Array(1))[0];
    return [id, v];
}
export function viewSettings(s) {
    return {
        qpackMaxTableCapacity: s.get(H3SettingId.SETTINGS_QPACK_MAX_TABLE_CAPACITY) ?? 0,
        maxFieldSectionSize: s.get(H3SettingId.SETTINGS_MAX_FIELD_SECTION_SIZE) ?? Infinity,
        qpackBlockedStreams: s.get(H3SettingId.SETTINGS_QPACK_BLOCKED_STREAMS) ?? 0,
        enableConnectProtocol: s.get(H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL) === 1,
        h3Datagram: s.get(H3SettingId.SETTINGS_H3_DATAGRAM) === 1 || s.get(H3SettingId.SETTINGS_H3_DATAGRAM_DRAFT04) === 1,
    };
}
//# sourceMappingURL=settings.js.map