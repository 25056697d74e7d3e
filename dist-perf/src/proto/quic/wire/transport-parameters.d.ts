import type { RandomSource } from '../../util/random.js';
export declare const TransportParameterId: {
    readonly original_destination_connection_id: 0;
    readonly max_idle_timeout: 1;
    readonly stateless_reset_token: 2;
    readonly max_udp_payload_size: 3;
    readonly initial_max_data: 4;
    readonly initial_max_stream_data_bidi_local: 5;
    readonly initial_max_stream_data_bidi_remote: 6;
    readonly initial_max_stream_data_uni: 7;
    readonly initial_max_streams_bidi: 8;
    readonly initial_max_streams_uni: 9;
    readonly ack_delay_exponent: 10;
    readonly max_ack_delay: 11;
    readonly disable_active_migration: 12;
    readonly preferred_address: 13;
    readonly active_connection_id_limit: 14;
    readonly initial_source_connection_id: 15;
    readonly retry_source_connection_id: 16;
    readonly reset_stream_at: 29;
    readonly max_datagram_frame_size: 32;
};
export type TransportParameterId = (typeof TransportParameterId)[keyof typeof TransportParameterId];
export interface PreferredAddress {
    /** 4 bytes (all zero when absent). */
    ipv4Address: Uint8Array;
    ipv4Port: number;
    /** 16 bytes (all zero when absent). */
    ipv6Address: Uint8Array;
    ipv6Port: number;
    /** 1..20 bytes. */
    connectionId: Uint8Array;
    /** 16 bytes. */
    statelessResetToken: Uint8Array;
}
export interface TransportParameters {
    /** Server only. */
    originalDestinationConnectionId?: Uint8Array;
    /** Milliseconds; 0 = no idle timeout. */
    maxIdleTimeout: number;
    /** Server only; 16 bytes. */
    statelessResetToken?: Uint8Array;
    /** >= 1200; default 65527. */
    maxUdpPayloadSize: number;
    initialMaxData: number;
    initialMaxStreamDataBidiLocal: number;
    initialMaxStreamDataBidiRemote: number;
    initialMaxStreamDataUni: number;
    /** <= 2^60. */
    initialMaxStreamsBidi: number;
    /** <= 2^60. */
    initialMaxStreamsUni: number;
    /** <= 20; default 3. */
    ackDelayExponent: number;
    /** Milliseconds, < 2^14; default 25. */
    maxAckDelay: number;
    disableActiveMigration: boolean;
    /** Server only. */
    preferredAddress?: PreferredAddress;
    /** >= 2; default 2. */
    activeConnectionIdLimit: number;
    /** Required from both endpoints (checked by the connection), possibly empty. */
    initialSourceConnectionId?: Uint8Array;
    /** Server only, after a Retry. */
    retrySourceConnectionId?: Uint8Array;
    /** RFC 9221: absent = DATAGRAM frames not supported. */
    maxDatagramFrameSize?: number;
    /** RESET_STREAM_AT frames supported (draft-ietf-quic-reliable-stream-reset). */
    resetStreamAt: boolean;
}
/** The values an endpoint assumes for parameters the peer leaves out (RFC 9000 §18.2). */
export declare function defaultTransportParameters(): TransportParameters;
export interface EncodeTransportParametersOptions {
    /** When given, one GREASE parameter (id 31*N+27, random value) is added (RFC 9000 §18.1). */
    greaseRandom?: RandomSource;
}
/**
 * Encodes `p`, leaving out integer parameters equal to their default. The optional parameters
 * are written when present. Throws RangeError for values this endpoint must not send.
 */
export declare function encodeTransportParameters(p: TransportParameters, options?: EncodeTransportParametersOptions): Uint8Array;
/**
 * Decodes the peer's transport parameters. `fromServer` says who sent them (a client must not
 * send server-only parameters). Missing parameters take their defaults. Byte values are views
 * into `bytes`. Throws TransportError(TRANSPORT_PARAMETER_ERROR).
 */
export declare function decodeTransportParameters(bytes: Uint8Array, options: {
    fromServer: boolean;
}): TransportParameters;
/** True for GREASE transport parameter ids (31 * N + 27). */
export declare function isGreaseTransportParameter(id: number | bigint): boolean;
