/**
 * Notifications a Connection hands to its driver through pollEvent(). They carry no stream
 * payload: the driver pulls bytes with readStream()/readDatagram() when its consumer asks.
 */
export type StreamDirection = 'bidi' | 'uni';

export interface CloseInfo {
  /** Error code of the CONNECTION_CLOSE (transport or application space). */
  code: bigint;
  /** True for an application close (frame 0x1d). */
  application: boolean;
  reason: string;
  /** True when the peer closed; false when we did (or a local error did). */
  remote: boolean;
  /** Set when the connection ended without a CONNECTION_CLOSE. */
  kind: 'close' | 'idleTimeout' | 'statelessReset' | 'handshakeTimeout' | 'versionNegotiation';
}

export type ConnectionEvent =
  /** TLS handshake finished on our side; streams may be used (client: after server Finished). */
  | { type: 'handshakeCompleted'; alpn: string | undefined; resumed: boolean }
  /**
   * Server only, before handshakeCompleted: our flight is out, so stream data and datagrams may
   * go out as 0.5-RTT data (RFC 9001 §4.1.1), e.g. HTTP/3 SETTINGS. The client is not
   * authenticated yet.
   */
  | { type: 'earlyDataWritable' }
  /** The peer opened a stream (announced once, in stream-id order). */
  | { type: 'streamOpened'; streamId: number; direction: StreamDirection }
  /** New data (or the FIN) can be read from the stream. */
  | { type: 'streamReadable'; streamId: number }
  /** The stream can accept more data after a write returned less than asked. */
  | { type: 'streamWritable'; streamId: number }
  /** The peer reset its sending side (RESET_STREAM): our receive side is done. */
  | { type: 'streamReset'; streamId: number; errorCode: bigint; finalSize: number }
  /** The peer sent STOP_SENDING: we reset our sending side with the same code. */
  | { type: 'streamStopped'; streamId: number; errorCode: bigint }
  /** Both sides of the stream are finished and its state is gone. */
  | { type: 'streamClosed'; streamId: number }
  /** The peer raised MAX_STREAMS: openStream(direction) may succeed again. */
  | { type: 'streamsAvailable'; direction: StreamDirection }
  /** Datagrams wait in the receive queue: call readDatagram(). */
  | { type: 'datagramsReadable' }
  /** A NewSessionTicket arrived (client); pass it back in the next connect() to resume. */
  | { type: 'sessionTicket'; ticket: import('../../tls/session.js').SessionTicket }
  /** TLS secrets for an SSLKEYLOGFILE line (NSS format); the runtime writes them when asked to. */
  | { type: 'keyLog'; label: string; clientRandom: Uint8Array; secret: Uint8Array }
  /** The connection is closed; no more events follow. */
  | { type: 'closed'; info: CloseInfo };
