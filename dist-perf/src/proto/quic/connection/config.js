/** Transport settings of one connection, with defaults chosen for throughput on fast paths. */
import { TransportError, TransportErrorCode } from '../errors.js';
export const DEFAULT_TRANSPORT_CONFIG = {
    maxIdleTimeoutMs: 30_000,
    handshakeTimeoutMs: 10_000,
    initialMaxData: 4 * 1024 * 1024,
    initialMaxStreamDataBidiLocal: 1024 * 1024,
    initialMaxStreamDataBidiRemote: 1024 * 1024,
    initialMaxStreamDataUni: 1024 * 1024,
    initialMaxStreamsBidi: 100,
    initialMaxStreamsUni: 100,
    maxStreamWindow: 16 * 1024 * 1024,
    maxConnectionWindow: 32 * 1024 * 1024,
    sendBufferSize: 1024 * 1024,
    ackDelayExponent: 3,
    maxAckDelayMs: 25,
    activeConnectionIdLimit: 4,
    maxDatagramFrameSize: 65_535,
    datagramReceiveQueueSize: 1024,
    datagramSendQueueSize: 1024,
    maxPacketSize: 1452,
    initialRttMs: 333,
    congestionControl: 'newreno',
    pacing: true,
    disableActiveMigration: true,
    connectionIdLength: 8,
};
/** Merges overrides into the defaults and validates every field; throws TransportError(INTERNAL_ERROR) on nonsense. */
export function resolveTransportConfig(overrides = {}) {
    const c = { ...DEFAULT_TRANSPORT_CONFIG, ...stripUndefined(overrides) };
    const nonNegative = ['maxIdleTimeoutMs', 'handshakeTimeoutMs', 'initialMaxData',
        'initialMaxStreamDataBidiLocal', 'initialMaxStreamDataBidiRemote', 'initialMaxStreamDataUni',
        'initialMaxStreamsBidi', 'initialMaxStreamsUni', 'maxDatagramFrameSize', 'maxAckDelayMs'];
    for (const k of nonNegative) {
        const v = c[k];
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
            bad(`${k} must be a non-negative integer`);
    }
    if (c.ackDelayExponent < 0 || c.ackDelayExponent > 20)
        bad('ackDelayExponent must be 0..20');
    if (c.maxAckDelayMs >= 2 ** 14)
        bad('maxAckDelayMs must be < 16384');
    if (c.activeConnectionIdLimit < 2)
        bad('activeConnectionIdLimit must be >= 2');
    if (c.maxPacketSize < 1200 || c.maxPacketSize > 65_527)
        bad('maxPacketSize must be 1200..65527');
    if (c.connectionIdLength < 0 || c.connectionIdLength > 20)
        bad('connectionIdLength must be 0..20');
    if (c.initialMaxStreamsBidi > 2 ** 60 || c.initialMaxStreamsUni > 2 ** 60)
        bad('stream limits must be <= 2^60');
    if (c.sendBufferSize < 1)
        bad('sendBufferSize must be positive');
    if (c.maxStreamWindow < c.initialMaxStreamDataBidiLocal)
        c.maxStreamWindow = c.initialMaxStreamDataBidiLocal;
    if (c.maxConnectionWindow < c.initialMaxData)
        c.maxConnectionWindow = c.initialMaxData;
    return c;
}
function stripUndefined(o) {
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (v !== undefined)
            out[k] = v;
    return out;
}
function bad(message) {
    throw new TransportError(TransportErrorCode.INTERNAL_ERROR, `invalid transport config: ${message}`);
}
//# sourceMappingURL=config.js.map