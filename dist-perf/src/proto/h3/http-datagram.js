/**
 * HTTP/3 Datagrams (RFC 9297 §2.1): a QUIC DATAGRAM payload is
 * `Quarter Stream ID (i) || HTTP Datagram Payload`, the quarter id being the CONNECT (client
 * bidirectional) stream id divided by four.
 */
import { varintSize, writeVarintAt } from '../util/bytes.js';
import { invariant } from '../util/invariant.js';
import { H3Error, H3ErrorCode } from './errors.js';
/** Largest legal Quarter Stream ID: 2^60 - 1 (stream ids end at 2^62 - 1). */
export const MAX_QUARTER_STREAM_ID = 2n ** 60n - 1n;
function checkStreamId(streamId) {
    invariant(Number.isSafeInteger(streamId) && streamId >= 0 && streamId % 4 === 0, `HTTP datagrams need a client bidi stream id, got ${streamId}`);
}
/** Bytes of the quarter-stream-id prefix for this stream. */
export function httpDatagramPrefixSize(streamId) {
    checkStreamId(streamId);
    return varintSize(streamId / 4);
}
/** Writes the prefix at buf[offset] and returns the offset where the payload goes (zero-copy sends). */
export function writeHttpDatagramPrefix(buf, offset, streamId) {
    checkStreamId(streamId);
    return writeVarintAt(buf, offset, streamId / 4);
}
export function encodeHttpDatagram(streamId, payload) {
    const out = new Uint8Array(httpDatagramPrefixSize(streamId) + payload.length);
    out.set(payload, writeHttpDatagramPrefix(out, 0, streamId));
    return out;
}
/** Parses a received DATAGRAM payload. Throws H3Error(H3_DATAGRAM_ERROR) when the prefix is unparsable. */
export function decodeHttpDatagram(data) {
    if (data.length === 0)
        throw new H3Error(H3ErrorCode.H3_DATAGRAM_ERROR, 'empty HTTP datagram');
    const len = 1 << (data[0] >> 6);
    if (data.length < len)
        throw new H3Error(H3ErrorCode.H3_DATAGRAM_ERROR, 'truncated quarter stream id');
    let q = data[0] & 0x3f;
    for (let i = 1; i < len; i++)
        q = q * 256 + data[i];
    // A 62-bit varint whose top two bits are set exceeds 2^60 - 1.
    if (len === 8 && data[0] & 0x30)
        throw new H3Error(H3ErrorCode.H3_DATAGRAM_ERROR, 'quarter stream id above 2^60 - 1');
    return { streamId: q * 4, payload: data.subarray(len) };
}
//# sourceMappingURL=http-datagram.js.map