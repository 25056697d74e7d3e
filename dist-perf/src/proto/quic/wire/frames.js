/**
 * QUIC frames (RFC 9000 §19, RFC 9221 §4) as a discriminated union. Codecs are in
 * frame-decoder.ts and frame-encoder.ts; numeric frame types in frame-types.ts.
 *
 * Byte fields (data, token, reason, ...) are views into the packet or send buffer, never copies.
 * Application error codes are bigint (62-bit); lengths, offsets and ids are numbers (< 2^53).
 */
/** Frames that do not make a packet ack-eliciting (RFC 9002 §2). */
export function isAckEliciting(frame) {
    return frame.type !== 'ack' && frame.type !== 'padding' && frame.type !== 'connectionClose';
}
//# sourceMappingURL=frames.js.map