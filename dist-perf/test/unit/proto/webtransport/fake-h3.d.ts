/**
 * An in-memory pair of WtH3Like endpoints: each command on one side becomes the H3 event the
 * real H3Connection would emit on the other. Events wait in `inbox` until the test pumps them,
 * so tests can reorder arrivals (a stream before its CONNECT, a stream before the 2xx).
 */
import type { WtH3Event, WtH3Like, WtHeaderList } from '../../../../src/proto/webtransport/h3-like.js';
export type FakeLogEntry = {
    op: 'request';
    streamId: number;
    headers: WtHeaderList;
} | {
    op: 'response';
    streamId: number;
    headers: WtHeaderList;
    end: boolean;
} | {
    op: 'capsule';
    streamId: number;
    type: number;
    value: Uint8Array;
    end: boolean;
} | {
    op: 'end';
    streamId: number;
} | {
    op: 'reset';
    streamId: number;
    code: number;
} | {
    op: 'stop';
    streamId: number;
    code: number;
} | {
    op: 'open';
    streamId: number;
    sessionId: number;
    direction: 'bidi' | 'uni';
} | {
    op: 'datagram';
    streamId: number;
    payload: Uint8Array;
};
export declare class FakeH3 implements WtH3Like {
    readonly isServer: boolean;
    peer: FakeH3;
    readonly inbox: WtH3Event[];
    readonly log: FakeLogEntry[];
    private nextBidi;
    private nextUni;
    /** QUIC stream limits for streams we open (remaining count). */
    bidiCredit: number;
    uniCredit: number;
    private readonly inbound;
    constructor(isServer: boolean);
    static pair(): [client: FakeH3, server: FakeH3];
    /** Delivers `raw` as the SETTINGS this side receives from its peer. */
    receiveSettings(raw: ReadonlyMap<number, number>): void;
    sendRequest(headers: WtHeaderList): number | undefined;
    sendResponse(streamId: number, headers: WtHeaderList, endStream?: boolean): void;
    sendCapsule(streamId: number, type: number, value: Uint8Array, endStream?: boolean): void;
    endStream(streamId: number): void;
    sendHttpDatagram(streamId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    maxHttpDatagramSize(): number;
    openWebTransportStream(sessionId: number, direction: 'bidi' | 'uni'): number | undefined;
    readRaw(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    writeRaw(streamId: number, data: Uint8Array, fin?: boolean): number;
    resetStream(streamId: number, code: number): void;
    stopSending(streamId: number, code: number): void;
    /** Registers an inbound stream the peer opened (so readRaw works before any data). */
    ensureInbound(streamId: number): void;
    private allocBidi;
    private allocUni;
}
/** SETTINGS maps of real peers (webtransport-protocol.md §C.3, §C.7). */
export declare const CHROMIUM_156_SETTINGS: ReadonlyMap<number, number>;
