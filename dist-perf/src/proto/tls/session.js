/** QUIC encryption levels (packet number spaces map Initial→0, Handshake→2, 0-RTT/1-RTT→3). */
export const EncryptionLevel = {
    INITIAL: 0,
    EARLY_DATA: 1,
    HANDSHAKE: 2,
    APPLICATION: 3,
};
export class CertificateVerificationError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.name = 'CertificateVerificationError';
        this.reason = reason;
    }
}
//# sourceMappingURL=session.js.map