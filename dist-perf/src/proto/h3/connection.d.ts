/**
 * H3Connection: HTTP/3 (RFC 9114) over a QuicConnectionLike, sans-IO. It opens our control and
 * QPACK streams, enforces the peer's (SETTINGS first and once, critical streams never closed,
 * GOAWAY ids), runs request streams (request-stream.ts), feeds QPACK both ways, and carries what
 * a WebTransport layer needs: extended CONNECT, capsules on CONNECT streams, HTTP datagrams and
 * WebTransport streams (0x41 / 0x54) handed over raw.
 *
 * Inputs: handleQuicEvent(ev, now) for every QUIC ConnectionEvent, and the commands. Outputs:
 * pollEvent() and the bytes it writes into QUIC. A peer breaking the rules closes the QUIC
 * connection with the H3 error code (connectionError event), or resets one stream (streamError).
 */
import type { RandomSource } from '../util/random.js';
import type { Micros } from '../util/time.js';
import type { ConnectionEvent } from '../quic/connection/events.js';
import type { H3Event, H3PeerSettings } from './events.js';
import { type HeaderList } from './header-validation.js';
import { type QuicConnectionLike } from './quic-connection-like.js';
export interface H3ConnectionOptions {
    readonly isServer: boolean;
    /** Settings we announce beyond QPACK and the field section limit. */
    readonly settings?: {
        readonly enableConnectProtocol?: boolean;
        readonly h3Datagram?: boolean;
        /** Any other settings (WebTransport ids...), sent as given. */
        readonly extra?: ReadonlyArray<readonly [number | bigint, number | bigint]>;
    };
    readonly qpack?: {
        /** Our decoder's table capacity (SETTINGS_QPACK_MAX_TABLE_CAPACITY). Default 4096. */
        readonly maxTableCapacity?: number;
        /** SETTINGS_QPACK_BLOCKED_STREAMS. Default 16. */
        readonly blockedStreams?: number;
        /** Upper bound on the table our encoder uses, whatever the peer allows. Default 4096. */
        readonly encoderMaxTableCapacity?: number;
    };
    /** SETTINGS_MAX_FIELD_SECTION_SIZE we announce and enforce. Default 64 KiB. */
    readonly maxFieldSectionSize?: number;
    /** Body bytes buffered per request stream before we stop reading QUIC. Default 256 KiB. */
    readonly maxBufferedBytesPerStream?: number;
    /** Enables GREASE (a reserved setting and frame on the control stream). */
    readonly random?: RandomSource;
    /** Also open one GREASE unidirectional stream (needs random). Default false. */
    readonly greaseStream?: boolean;
    /** Accept WebTransport streams. Default: true when `extra` carries a WebTransport setting id. */
    readonly webTransport?: boolean;
    /** :protocol tokens whose CONNECT streams use the Capsule Protocol. */
    readonly capsuleProtocols?: Iterable<string>;
}
export declare class H3Connection {
    readonly quic: QuicConnectionLike;
    readonly isServer: boolean;
    private now;
    private readonly encoder;
    private readonly decoder;
    private readonly settingsList;
    private readonly localExtendedConnect;
    private readonly localH3Datagram;
    private readonly webTransportEnabled;
    private readonly maxFieldSectionSize;
    private readonly highWater;
    private readonly random;
    private readonly greaseStream;
    private readonly ctx;
    private readonly events;
    private eventHead;
    private started;
    private terminated;
    private closedEmitted;
    private control;
    private encoderStream;
    private decoderStream;
    private greaseOpened;
    private readonly encoderBacklog;
    private readonly decoderBacklog;
    private peerControlId;
    private peerEncoderId;
    private peerDecoderId;
    private readonly peerControl;
    private peerSettingsView;
    private readonly requests;
    private readonly outbound;
    private readonly raws;
    private readonly peerUni;
    private readonly peerBidiHeaders;
    /** Server: highest request stream id accepted; the GOAWAY we sent (first id we refuse). */
    private maxPeerRequestId;
    private goawaySent;
    constructor(quic: QuicConnectionLike, options: H3ConnectionOptions);
    /** The peer's SETTINGS, once received. */
    get peerSettings(): H3PeerSettings | undefined;
    /** The GOAWAY id the peer sent, if any. */
    get peerGoawayId(): number | undefined;
    get isClosed(): boolean;
    /** QPACK state, for diagnostics and tests. */
    get qpackStats(): {
        encoderInsertCount: number;
        decoderInsertCount: number;
        blockedStreams: number;
    };
    /** Largest HTTP datagram payload for a stream right now (0 when datagrams are unavailable). */
    maxHttpDatagramSize(streamId: number): number;
    pollEvent(): H3Event | undefined;
    /** Opens our control and QPACK streams (also done on handshakeCompleted). */
    start(now?: Micros): void;
    handleQuicEvent(ev: ConnectionEvent, now: Micros): void;
    private dispatch;
    /** Runs `fn`, turning a protocol error into a connection close. */
    private guard;
    private openCriticalStreams;
    private openOutbound;
    private flushEncoderStream;
    private flushDecoderStream;
    private isLocalCritical;
    private isPeerCritical;
    private onReadable;
    /** Server: a new client bidi stream is a request (or a WebTransport stream). */
    private acceptRequestStream;
    /** Client: a server-initiated bidi stream must be a WebTransport stream (RFC 9114 §6.1). */
    private readServerBidi;
    private pumpRequest;
    /** Hands a WebTransport stream to the layer above; its payload is read with readRaw(). */
    private startRaw;
    private readPeerUni;
    /** Sets up a peer uni stream by its type; true when its bytes are no longer ours to read. */
    private assignUni;
    /** Unknown stream types: ask the peer to stop (RFC 9114 §6.2: H3_STREAM_CREATION_ERROR) and ignore it. */
    private discardUni;
    private onUniData;
    private onPeerSettings;
    private decodeFieldSection;
    private onWritable;
    private onPeerReset;
    private onPeerStopped;
    /** QUIC forgot the stream: drop what we keep for it (critical streams never get here). */
    private forget;
    /** Stream Cancellation (RFC 9204 §4.4.2) when a request's field sections will never be decoded. */
    private cancelSections;
    private onDatagrams;
    /** Closes the connection with an H3 error code (once). */
    private fail;
    /** A stream error: reset our side, stop the peer's, and report it. */
    private abortStream;
    private emit;
    /**
     * Client: opens a request stream and sends its HEADERS. Returns undefined while QUIC's stream
     * limit is reached (retry on streamsAvailable). Throws H3Error(H3_MESSAGE_ERROR) for invalid
     * headers, H3Error(H3_REQUEST_REJECTED) after the server's GOAWAY.
     */
    sendRequest(headers: HeaderList, options?: {
        endStream?: boolean;
    }): number | undefined;
    /** Server: sends the response HEADERS (1xx interim ones may precede the final one). */
    sendResponse(streamId: number, headers: HeaderList, endStream?: boolean): void;
    /** Sends trailers and ends the stream. */
    sendTrailers(streamId: number, headers: HeaderList): void;
    /**
     * Sends body bytes in DATA frames; returns how many QUIC accepted. When short, wait for
     * streamWritable and continue with data.subarray(accepted) (the DATA frame already announced them).
     */
    sendData(streamId: number, data: Uint8Array, endStream?: boolean): number;
    /** Ends the body (FIN) without more bytes. */
    endStream(streamId: number): void;
    /** A capsule inside one DATA frame on a CONNECT stream (always queued whole). */
    sendCapsule(streamId: number, type: number, value: Uint8Array, endStream?: boolean): void;
    /** An HTTP datagram (RFC 9297) for the request stream `streamId`. */
    sendHttpDatagram(streamId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    /** Pulls received body bytes (a view); fin once the body is complete. undefined: nothing yet. */
    readData(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** Resets our sending side (RESET_STREAM with an H3 code). */
    resetStream(streamId: number, code: number): void;
    /** Stops the peer's sending side (STOP_SENDING) and drops what we buffered. */
    stopSending(streamId: number, code: number): void;
    private writeHeaders;
    /**
     * GOAWAY (RFC 9114 §5.2). Server: the first request id it will not process (every later one is
     * refused with H3_REQUEST_REJECTED). Client: push id 0 (we never accept pushes).
     */
    sendGoaway(): void;
    /** Closes the QUIC connection with an H3 code (default H3_NO_ERROR). */
    close(code?: number, reason?: string, now?: Micros): void;
    private assertOpen;
    /** Opens a WebTransport stream for a session and writes its 0x41 / 0x54 header. */
    openWebTransportStream(sessionId: number, direction: 'bidi' | 'uni'): number | undefined;
    /** Reads a WebTransport stream's payload (no H3 framing); fin at its end. */
    readRaw(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** Writes a WebTransport stream's payload; returns the bytes QUIC accepted. */
    writeRaw(streamId: number, data: Uint8Array, fin?: boolean): number;
}
