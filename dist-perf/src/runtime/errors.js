export class QuicStreamError extends Error {
    kind;
    code;
    streamId;
    constructor(kind, streamId, code) {
        super(`stream ${streamId}: ${kind} with code ${code}`);
        this.name = 'QuicStreamError';
        this.kind = kind;
        this.code = code;
        this.streamId = streamId;
    }
}
export class QuicConnectionError extends Error {
    info;
    code;
    constructor(info) {
        const who = info.remote ? 'peer' : 'local';
        const what = info.kind === 'close' ? `${info.application ? 'application' : 'transport'} code ${info.code}` : info.kind;
        super(`connection closed (${who}, ${what})${info.reason ? `: ${info.reason}` : ''}`);
        this.name = 'QuicConnectionError';
        this.info = info;
        this.code = info.code;
    }
}
export class QuicDatagramError extends Error {
    reason;
    constructor(reason, detail) {
        super(`datagram not sent (${reason}): ${detail}`);
        this.name = 'QuicDatagramError';
        this.reason = reason;
    }
}
/** Application error codes are 62-bit: accept number or bigint at the API edge. */
export function toErrorCode(code) {
    const value = typeof code === 'bigint' ? code : BigInt(code);
    if (value < 0n || value >= 1n << 62n)
        throw new RangeError(`error code ${code} is outside 0..2^62-1`);
    return value;
}
//# sourceMappingURL=errors.js.map