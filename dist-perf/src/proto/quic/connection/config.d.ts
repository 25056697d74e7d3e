export type CongestionControlAlgorithm = 'newreno' | 'cubic';
export interface TransportConfig {
    /** Local max_idle_timeout; the effective timeout is the smaller non-zero of both sides. */
    maxIdleTimeoutMs: number;
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
    /** Largest UDP payload we send once the handshake is confirmed (peers may lower it). */
    maxPacketSize: number;
    initialRttMs: number;
    congestionControl: CongestionControlAlgorithm;
    /** Pace packets over the RTT instead of sending whole windows in bursts. */
    pacing: boolean;
    disableActiveMigration: boolean;
    /** Connection IDs we issue are this long (0-20). */
    connectionIdLength: number;
}
export declare const DEFAULT_TRANSPORT_CONFIG: Readonly<TransportConfig>;
/** Merges overrides into the defaults and validates every field; throws TransportError(INTERNAL_ERROR) on nonsense. */
export declare function resolveTransportConfig(overrides?: Partial<TransportConfig>): TransportConfig;
