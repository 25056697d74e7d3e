/**
 * Stream id helpers (RFC 9000 §2.1). The two low bits of an id say who opened the stream
 * (bit 0: 0 client, 1 server) and its direction (bit 1: 0 bidirectional, 1 unidirectional).
 * Ids reach 2^62, beyond 32-bit integers, so the helpers use arithmetic rather than bit operators.
 */
/** Largest stream count a MAX_STREAMS / STREAMS_BLOCKED frame may carry (RFC 9000 §4.6). */
export const MAX_STREAM_COUNT = 2 ** 60;
export function isBidi(id) {
    return id % 4 < 2;
}
export function isUni(id) {
    return id % 4 >= 2;
}
export function isClientInitiated(id) {
    return id % 2 === 0;
}
/** True when the endpoint (server or client per `isServer`) opened the stream. */
export function isLocal(id, isServer) {
    return isClientInitiated(id) !== isServer;
}
/** Position of the stream among those of the same initiator and direction (0, 1, 2, ...). */
export function streamIndex(id) {
    return Math.floor(id / 4);
}
export function makeStreamId(index, bidi, serverInitiated) {
    return index * 4 + (bidi ? 0 : 2) + (serverInitiated ? 1 : 0);
}
//# sourceMappingURL=stream-id.js.map