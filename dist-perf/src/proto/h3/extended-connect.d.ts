/** Upgrade tokens carried in `:protocol`. */
export declare const ConnectProtocol: {
    /** WebTransport over HTTP/3 up to draft -14 (Chromium); the HTTP/2 binding from -15 on. */
    readonly WEBTRANSPORT: "webtransport";
    /** WebTransport over HTTP/3, drafts -15 / -16. */
    readonly WEBTRANSPORT_H3: "webtransport-h3";
    readonly WEBSOCKET: "websocket";
    readonly CONNECT_UDP: "connect-udp";
};
/** Request control data (the pseudo-header fields of RFC 9114 §4.3.1 and `:protocol`). */
export interface RequestPseudoHeaders {
    readonly method: string;
    readonly scheme: string | undefined;
    readonly authority: string | undefined;
    readonly path: string | undefined;
    readonly protocol: string | undefined;
}
export declare function isExtendedConnect(p: RequestPseudoHeaders): boolean;
/**
 * Checks the CONNECT-specific rules; throws H3Error(H3_MESSAGE_ERROR).
 * `extendedConnectEnabled`: whether we (the receiving server) sent SETTINGS_ENABLE_CONNECT_PROTOCOL = 1
 * (or a WebTransport draft-02 setting, which implies it).
 */
export declare function checkConnectRules(p: RequestPseudoHeaders, extendedConnectEnabled: boolean): void;
/**
 * RFC 9297 §3.2: a message using the Capsule Protocol must not carry Content-Length,
 * Content-Type or Transfer-Encoding, and a response must not be 204, 205 or 206.
 */
export declare function checkCapsuleProtocolMessage(headers: ReadonlyArray<readonly [string, string]>, status?: number): void;
export interface ExtendedConnectRequestInit {
    readonly protocol: string;
    readonly authority: string;
    readonly path: string;
    /** Default 'https'. */
    readonly scheme?: string;
    /** The `origin` header (browsers always send it for WebTransport). */
    readonly origin?: string;
    /** More regular fields, appended after the pseudo-headers (names must be lowercase). */
    readonly headers?: ReadonlyArray<readonly [string, string]>;
}
/** The header list of an extended CONNECT request, pseudo-headers first. */
export declare function buildExtendedConnectHeaders(init: ExtendedConnectRequestInit): Array<[string, string]>;
/** 2xx accepts an extended CONNECT (WebTransport: "any 2xx"). */
export declare function isSuccessfulConnectStatus(status: number): boolean;
