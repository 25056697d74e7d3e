/**
 * H3Event: what H3Connection.pollEvent() returns. Notifications plus small decoded items
 * (headers, capsules, datagrams); stream body bytes are pulled with readData()/readRaw().
 */
import type { Header } from './qpack/index.js';
import type { H3SettingsView } from './settings.js';
/** The peer's SETTINGS as the layers above need them. */
export interface H3PeerSettings extends H3SettingsView {
    /** Every setting received (GREASE ids dropped), for ids this layer does not interpret. */
    readonly raw: ReadonlyMap<number, number>;
    /**
     * WebTransport support advertised, per draft family: 'draft02' (0x2b603742 = 1), 'draft07'
     * (0xc671706a > 0), 'draft13' (0x14e9cd29 > 0), 'draft15' (0x2c7cf000 = 1).
     */
    readonly webTransport: ReadonlyArray<'draft02' | 'draft07' | 'draft13' | 'draft15'>;
}
export type H3Event = 
/** The peer's SETTINGS arrived (once). */
{
    readonly type: 'settings';
    readonly settings: H3PeerSettings;
}
/**
 * A field section on a request stream: the request (server), an interim or final response
 * (client). `status` is set on responses; `isExtendedConnect` on a request with `:protocol`.
 */
 | {
    readonly type: 'headers';
    readonly streamId: number;
    readonly headers: Header[];
    readonly endStream: boolean;
    readonly status?: number;
    readonly method?: string;
    readonly protocol?: string;
    readonly isExtendedConnect: boolean;
}
/** Body bytes (or the end of the body) can be read with readData(streamId). */
 | {
    readonly type: 'data';
    readonly streamId: number;
} | {
    readonly type: 'trailers';
    readonly streamId: number;
    readonly headers: Header[];
}
/** The peer's side of the request stream ended cleanly and every body byte was read. */
 | {
    readonly type: 'requestFinished';
    readonly streamId: number;
}
/** The peer reset its sending side (RESET_STREAM) of a request or WebTransport stream. */
 | {
    readonly type: 'streamReset';
    readonly streamId: number;
    readonly code: bigint;
}
/** The peer asked us to stop sending (STOP_SENDING); QUIC has reset our side already. */
 | {
    readonly type: 'streamStopped';
    readonly streamId: number;
    readonly code: bigint;
}
/** We aborted the stream for a peer error (malformed message...): `code` went out in RESET_STREAM/STOP_SENDING. */
 | {
    readonly type: 'streamError';
    readonly streamId: number;
    readonly code: number;
    readonly reason: string;
}
/** A write on this stream may accept more bytes now. */
 | {
    readonly type: 'streamWritable';
    readonly streamId: number;
}
/** QUIC raised MAX_STREAMS: sendRequest / openWebTransportStream may succeed again. */
 | {
    readonly type: 'streamsAvailable';
    readonly direction: 'bidi' | 'uni';
}
/** The peer sent GOAWAY: from a server `id` is the first request stream it will not process. */
 | {
    readonly type: 'goaway';
    readonly id: number;
}
/** A capsule on a CONNECT stream that uses the Capsule Protocol (unknown types were skipped). */
 | {
    readonly type: 'capsule';
    readonly streamId: number;
    readonly capsuleType: number;
    readonly value: Uint8Array;
} | {
    readonly type: 'httpDatagram';
    readonly streamId: number;
    readonly payload: Uint8Array;
}
/** A WebTransport stream (after its 0x41 / 0x54 header): read/write it with readRaw/writeRaw. */
 | {
    readonly type: 'webTransportStream';
    readonly sessionId: number;
    readonly streamId: number;
    readonly direction: 'bidi' | 'uni';
}
/** Raw bytes (or the FIN) of a WebTransport stream can be read with readRaw(). */
 | {
    readonly type: 'rawReadable';
    readonly streamId: number;
}
/** We closed the connection because the peer broke HTTP/3 (code is the H3 error code). */
 | {
    readonly type: 'connectionError';
    readonly code: number;
    readonly reason: string;
}
/** The QUIC connection is gone (no more events follow). */
 | {
    readonly type: 'closed';
    readonly code: bigint;
    readonly reason: string;
    readonly remote: boolean;
};
