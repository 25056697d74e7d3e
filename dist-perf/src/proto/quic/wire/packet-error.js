/**
 * A received packet that must be dropped silently (RFC 9000 §12.2, §5.2): malformed headers,
 * bad Retry/VN packets. It never closes the connection. Re-exported by header.ts.
 */
export class InvalidPacketError extends Error {
    constructor(reason) {
        super(reason);
        this.name = 'InvalidPacketError';
    }
}
//# sourceMappingURL=packet-error.js.map