export const FrameType = {
    PADDING: 0x00,
    PING: 0x01,
    ACK: 0x02,
    ACK_ECN: 0x03,
    RESET_STREAM: 0x04,
    STOP_SENDING: 0x05,
    CRYPTO: 0x06,
    NEW_TOKEN: 0x07,
    /** 0x08-0x0f: the low three bits are the OFF, LEN and FIN flags. */
    STREAM: 0x08,
    MAX_DATA: 0x10,
    MAX_STREAM_DATA: 0x11,
    MAX_STREAMS_BIDI: 0x12,
    MAX_STREAMS_UNI: 0x13,
    DATA_BLOCKED: 0x14,
    STREAM_DATA_BLOCKED: 0x15,
    STREAMS_BLOCKED_BIDI: 0x16,
    STREAMS_BLOCKED_UNI: 0x17,
    NEW_CONNECTION_ID: 0x18,
    RETIRE_CONNECTION_ID: 0x19,
    PATH_CHALLENGE: 0x1a,
    PATH_RESPONSE: 0x1b,
    CONNECTION_CLOSE: 0x1c,
    CONNECTION_CLOSE_APP: 0x1d,
    HANDSHAKE_DONE: 0x1e,
    /** RFC 9221: DATAGRAM without a Length field (extends to the end of the packet). */
    DATAGRAM: 0x30,
    /** RFC 9221: DATAGRAM with a Length field. */
    DATAGRAM_LEN: 0x31,
};
/** Flag bits of the STREAM frame type (RFC 9000 §19.8). */
export const StreamFrameBits = {
    FIN: 0x01,
    LEN: 0x02,
    OFF: 0x04,
};
// Bit per packet type, as in the "Pkts" column of RFC 9000 Table 3.
const I = 1, Z = 2, H = 4, O = 8;
const ALL = I | Z | H | O;
const ZO = Z | O;
const IHO = I | H | O;
function packetBit(packetType) {
    switch (packetType) {
        case 'initial': return I;
        case '0rtt': return Z;
        case 'handshake': return H;
        default: return O;
    }
}
/** Permissions indexed by numeric frame type (0x00-0x31); 0 = unknown type. */
const ALLOWED_BY_TYPE = (() => {
    const t = new Uint8Array(0x32);
    t[FrameType.PADDING] = ALL;
    t[FrameType.PING] = ALL;
    t[FrameType.ACK] = IHO;
    t[FrameType.ACK_ECN] = IHO;
    t[FrameType.RESET_STREAM] = ZO;
    t[FrameType.STOP_SENDING] = ZO;
    t[FrameType.CRYPTO] = IHO;
    t[FrameType.NEW_TOKEN] = O;
    for (let s = 0x08; s <= 0x0f; s++)
        t[s] = ZO;
    for (let s = 0x10; s <= 0x19; s++)
        t[s] = ZO;
    t[FrameType.PATH_CHALLENGE] = ZO;
    t[FrameType.PATH_RESPONSE] = O;
    t[FrameType.CONNECTION_CLOSE] = ALL;
    t[FrameType.CONNECTION_CLOSE_APP] = ZO;
    t[FrameType.HANDSHAKE_DONE] = O;
    t[FrameType.DATAGRAM] = ZO;
    t[FrameType.DATAGRAM_LEN] = ZO;
    return t;
})();
const ALLOWED_BY_KIND = {
    padding: ALL,
    ping: ALL,
    ack: IHO,
    resetStream: ZO,
    stopSending: ZO,
    crypto: IHO,
    newToken: O,
    stream: ZO,
    maxData: ZO,
    maxStreamData: ZO,
    maxStreams: ZO,
    dataBlocked: ZO,
    streamDataBlocked: ZO,
    streamsBlocked: ZO,
    newConnectionId: ZO,
    retireConnectionId: ZO,
    pathChallenge: ZO,
    pathResponse: O,
    // Transport close (0x1c) goes anywhere; see isFrameAllowed for the application variant.
    connectionClose: ALL,
    handshakeDone: O,
    datagram: ZO,
};
/** True when `frameType` is a known frame type (RFC 9000 + RFC 9221). */
export function isKnownFrameType(frameType) {
    return frameType >= 0 && frameType < ALLOWED_BY_TYPE.length && ALLOWED_BY_TYPE[frameType] !== 0;
}
/** RFC 9000 Table 3 by numeric frame type; false for unknown types. */
export function frameTypeAllowedIn(frameType, packetType) {
    if (frameType < 0 || frameType >= ALLOWED_BY_TYPE.length)
        return false;
    return (ALLOWED_BY_TYPE[frameType] & packetBit(packetType)) !== 0;
}
/**
 * RFC 9000 Table 3 by frame kind. `connectionClose` answers for the transport variant (0x1c);
 * an application close (0x1d) is only allowed in 0-RTT/1-RTT: use isFrameAllowed for a frame.
 */
export function frameAllowedIn(kind, packetType) {
    return (ALLOWED_BY_KIND[kind] & packetBit(packetType)) !== 0;
}
/** RFC 9000 Table 3 for a concrete frame (distinguishes application CONNECTION_CLOSE). */
export function isFrameAllowed(frame, packetType) {
    if (frame.type === 'connectionClose' && frame.application)
        return packetType === '0rtt' || packetType === '1rtt';
    return frameAllowedIn(frame.type, packetType);
}
//# sourceMappingURL=frame-types.js.map