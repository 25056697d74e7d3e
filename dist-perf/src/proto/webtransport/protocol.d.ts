export declare const WtDraft: {
    readonly DRAFT02: "draft02";
    readonly DRAFT07: "draft07";
    readonly DRAFT13: "draft13";
    readonly DRAFT15: "draft15";
};
export type WtDraft = (typeof WtDraft)[keyof typeof WtDraft];
/** Every draft we speak, newest first (the order of preference, WT16 §7.1: highest common wins). */
export declare const SUPPORTED_DRAFTS: readonly WtDraft[];
/** Request / response headers of draft-02's version negotiation (WT02). */
export declare const DRAFT02_REQUEST_HEADER = "sec-webtransport-http3-draft02";
export declare const DRAFT02_RESPONSE_HEADER = "sec-webtransport-http3-draft";
export declare const DRAFT02_RESPONSE_VALUE = "draft02";
/** Draft-13+ upper bound on a max-streams value (WT16 §5.6.2). */
export declare const MAX_STREAMS_LIMIT: number;
export interface WtFlowControlSettings {
    /** SETTINGS_WT_INITIAL_MAX_DATA: session bytes the peer may send before a WT_MAX_DATA. */
    readonly initialMaxData: number;
    readonly initialMaxStreamsBidi: number;
    readonly initialMaxStreamsUni: number;
}
export interface WtLocalOptions {
    readonly isServer: boolean;
    /** Drafts we offer/accept. Default SUPPORTED_DRAFTS. */
    readonly drafts?: readonly WtDraft[];
    /** Sessions per connection we accept (server) or announce (draft07/13 settings). Default 16. */
    readonly maxSessions?: number;
    /**
     * Session flow control (draft13/15) initial limits we announce. Undefined or all zero: we do not
     * ask for flow control, so a draft13/15 connection carries a single session (WT16 §5.1).
     */
    readonly flowControl?: WtFlowControlSettings;
}
/** Everything negotiated for one connection. */
export interface WtProfile {
    readonly draft: WtDraft;
    /** The :protocol token a client sends. */
    readonly protocolToken: string;
    /** Tokens a server accepts on CONNECT (the current one and the legacy `webtransport`). */
    readonly acceptedProtocolTokens: ReadonlySet<string>;
    /** Draft-02 version headers (request `sec-webtransport-http3-draft02: 1`, response `draft02`). */
    readonly versionHeaders: boolean;
    /** Session flow control is on (both sides sent a non-zero WT_INITIAL_* setting). */
    readonly flowControl: boolean;
    /** Limits the peer granted us per session (Infinity when flow control is off). */
    readonly peerInitial: WtFlowControlSettings;
    /** Limits we granted the peer per session (Infinity when flow control is off). */
    readonly localInitial: WtFlowControlSettings;
    /** Concurrent sessions on this connection: the peer's limit (client) or ours (server). */
    readonly maxSessions: number;
}
export type NegotiationResult = {
    readonly ok: true;
    readonly profile: WtProfile;
}
/** `code`: what a server answers a CONNECT with (H3_REQUEST_REJECTED) or a client closes with. */
 | {
    readonly ok: false;
    readonly reason: string;
    readonly code: number;
};
/**
 * The settings a WebTransport endpoint announces, shaped like H3ConnectionOptions.settings.
 * Sending every draft's id at once is safe: unknown settings are ignored (WT16 §7.1).
 */
export declare function localWebTransportSettings(local: WtLocalOptions): {
    enableConnectProtocol: boolean;
    h3Datagram: boolean;
    extra: Array<readonly [number, number]>;
};
/** The drafts a peer's SETTINGS advertise, newest first. */
export declare function peerDrafts(peer: ReadonlyMap<number, number>): WtDraft[];
/**
 * Chooses the draft for a connection from the peer's SETTINGS (the raw id -> value map, GREASE
 * dropped) and our options, and checks what that draft requires of the peer.
 */
export declare function negotiate(peer: ReadonlyMap<number, number>, local: WtLocalOptions): NegotiationResult;
/** Extra request headers a client sends for this profile (draft-02's version header). */
export declare function connectRequestExtraHeaders(profile: WtProfile): Array<[string, string]>;
/** Extra response headers a server sends: `sec-webtransport-http3-draft: draft02` when the request offered it. */
export declare function connectResponseExtraHeaders(requestHeaders: ReadonlyArray<readonly [string, string]>): Array<[string, string]>;
