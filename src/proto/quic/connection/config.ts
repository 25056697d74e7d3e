/** Transport settings of one connection, with defaults chosen for throughput on fast paths. */
import { TransportError, TransportErrorCode } from '../errors.js';

export type CongestionControlAlgorithm = 'newreno' | 'cubic';

export interface TransportConfig {
  /** Local max_idle_timeout; the effective timeout is the smaller non-zero of both sides. */
  maxIdleTimeoutMs: number;
  /**
   * Send a PING after this long without sending anything ack-eliciting, so that neither side's
   * idle timeout fires on a quiet connection; capped at half the negotiated idle timeout.
   * 0 turns keep-alive off.
   */
  keepAliveIntervalMs: number;
  /** Give up a handshake that has not completed after this long. */
  handshakeTimeoutMs: number;
  initialMaxData: number;
  initialMaxStreamDataBidiLocal: number;
  initialMaxStreamDataBidiRemote: number;
  initialMaxStreamDataUni: number;
  initialMaxStreamsBidi: number;
  initialMaxStreamsUni: number;
  /** Receive windows grow up to these caps as the application reads quickly. */
  maxStreamWindow: number;
  maxConnectionWindow: number;
  /** Bytes a stream buffers for sending before write() accepts less than asked. */
  sendBufferSize: number;
  ackDelayExponent: number;
  maxAckDelayMs: number;
  activeConnectionIdLimit: number;
  /** max_datagram_frame_size we advertise (RFC 9221); 0 disables incoming datagrams. */
  maxDatagramFrameSize: number;
  /** Incoming datagrams kept until read (count); the oldest are dropped beyond it. */
  datagramReceiveQueueSize: number;
  /** Outgoing datagrams waiting for congestion window (count). */
  datagramSendQueueSize: number;
  /**
   * Upper bound of path MTU discovery (the largest UDP payload we send) for ordinary destinations;
   * the peer's max_udp_payload_size may lower it. Packets start at 1200 bytes and grow as probes pass.
   */
  maxPacketSize: number;
  /** The same bound when the peer's address is loopback (127.0.0.0/8, ::1), whose MTU is large. */
  loopbackMaxPacketSize: number;
  initialRttMs: number;
  congestionControl: CongestionControlAlgorithm;
  /** Pace packets over the RTT instead of sending whole windows in bursts. */
  pacing: boolean;
  disableActiveMigration: boolean;
  /** Connection IDs we issue are this long (0-20). */
  connectionIdLength: number;
}

export const DEFAULT_TRANSPORT_CONFIG: Readonly<TransportConfig> = {
  maxIdleTimeoutMs: 30_000,
  keepAliveIntervalMs: 0,
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
  loopbackMaxPacketSize: 16_384,
  initialRttMs: 333,
  congestionControl: 'newreno',
  pacing: true,
  disableActiveMigration: true,
  connectionIdLength: 8,
};

/** Merges overrides into the defaults and validates every field; throws TransportError(INTERNAL_ERROR) on nonsense. */
export function resolveTransportConfig(overrides: Partial<TransportConfig> = {}): TransportConfig {
  const c: TransportConfig = { ...DEFAULT_TRANSPORT_CONFIG, ...stripUndefined(overrides) };
  const nonNegative: (keyof TransportConfig)[] = ['maxIdleTimeoutMs', 'keepAliveIntervalMs', 'handshakeTimeoutMs', 'initialMaxData',
    'initialMaxStreamDataBidiLocal', 'initialMaxStreamDataBidiRemote', 'initialMaxStreamDataUni',
    'initialMaxStreamsBidi', 'initialMaxStreamsUni', 'maxDatagramFrameSize', 'maxAckDelayMs'];
  for (const k of nonNegative) {
    const v = c[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) bad(`${k} must be a non-negative integer`);
  }
  if (c.congestionControl !== 'newreno' && c.congestionControl !== 'cubic') bad('congestionControl must be newreno or cubic');
  if (c.ackDelayExponent < 0 || c.ackDelayExponent > 20) bad('ackDelayExponent must be 0..20');
  if (c.maxAckDelayMs >= 2 ** 14) bad('maxAckDelayMs must be < 16384');
  if (c.activeConnectionIdLimit < 2) bad('activeConnectionIdLimit must be >= 2');
  if (c.maxPacketSize < 1200 || c.maxPacketSize > 65_527) bad('maxPacketSize must be 1200..65527');
  if (!(c.loopbackMaxPacketSize >= 1200 && c.loopbackMaxPacketSize <= 65_527)) bad('loopbackMaxPacketSize must be 1200..65527');
  if (c.connectionIdLength < 0 || c.connectionIdLength > 20) bad('connectionIdLength must be 0..20');
  if (c.initialMaxStreamsBidi > 2 ** 60 || c.initialMaxStreamsUni > 2 ** 60) bad('stream limits must be <= 2^60');
  if (c.sendBufferSize < 1) bad('sendBufferSize must be positive');
  if (c.maxStreamWindow < c.initialMaxStreamDataBidiLocal) c.maxStreamWindow = c.initialMaxStreamDataBidiLocal;
  if (c.maxConnectionWindow < c.initialMaxData) c.maxConnectionWindow = c.initialMaxData;
  return c;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function bad(message: string): never {
  throw new TransportError(TransportErrorCode.INTERNAL_ERROR, `invalid transport config: ${message}`);
}
