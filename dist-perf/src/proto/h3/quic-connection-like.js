/** Stream-id arithmetic (RFC 9000 §2.1): bit 0 = initiator (1 = server), bit 1 = direction (1 = uni). */
export function isServerInitiated(streamId) {
    return (streamId & 1) === 1;
}
export function isUniStream(streamId) {
    return (streamId & 2) === 2;
}
//# sourceMappingURL=quic-connection-like.js.map