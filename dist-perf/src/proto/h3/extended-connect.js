/**
 * CONNECT (RFC 9114 §4.4) and extended CONNECT (RFC 8441 §4, applied to HTTP/3 by RFC 9220 §3)
 * request rules, the Capsule Protocol message rules (RFC 9297 §3.2), and the request/response
 * header lists a WebTransport session is opened with.
 */
import { H3Error, H3ErrorCode } from './errors.js';
/** Upgrade tokens carried in `:protocol`. */
export const ConnectProtocol = {
    /** WebTransport over HTTP/3 up to draft -14 (Chromium); the HTTP/2 binding from -15 on. */
    WEBTRANSPORT: 'webtransport',
    /** WebTransport over HTTP/3, drafts -15 / -16. */
    WEBTRANSPORT_H3: 'webtransport-h3',
    WEBSOCKET: 'websocket',
    CONNECT_UDP: 'connect-udp',
};
function malformed(reason) {
    return new H3Error(H3ErrorCode.H3_MESSAGE_ERROR, reason);
}
export function isExtendedConnect(p) {
    return p.method === 'CONNECT' && p.protocol !== undefined;
}
/**
 * Checks the CONNECT-specific rules; throws H3Error(H3_MESSAGE_ERROR).
 * `extendedConnectEnabled`: whether we (the receiving server) sent SETTINGS_ENABLE_CONNECT_PROTOCOL = 1
 * (or a WebTransport draft-02 setting, which implies it).
 */
export function checkConnectRules(p, extendedConnectEnabled) {
    if (p.protocol !== undefined) {
        if (p.method !== 'CONNECT')
            throw malformed(':protocol is only allowed with CONNECT');
        if (!extendedConnectEnabled)
            throw malformed('extended CONNECT was not enabled (SETTINGS_ENABLE_CONNECT_PROTOCOL)');
        if (p.protocol === '')
            throw malformed('empty :protocol');
        if (!p.scheme)
            throw malformed('extended CONNECT without :scheme');
        if (!p.path)
            throw malformed('extended CONNECT without :path');
        if (!p.authority)
            throw malformed('extended CONNECT without :authority');
        if ((p.scheme === 'https' || p.scheme === 'http') && p.path.charCodeAt(0) !== 0x2f)
            throw malformed(':path must start with "/"');
        return;
    }
    if (p.method !== 'CONNECT')
        return;
    if (p.scheme !== undefined || p.path !== undefined)
        throw malformed('CONNECT must omit :scheme and :path');
    if (!p.authority)
        throw malformed('CONNECT without :authority');
}
/**
 * RFC 9297 §3.2: a message using the Capsule Protocol must not carry Content-Length,
 * Content-Type or Transfer-Encoding, and a response must not be 204, 205 or 206.
 */
export function checkCapsuleProtocolMessage(headers, status) {
    for (const [name] of headers) {
        if (name === 'content-length' || name === 'content-type' || name === 'transfer-encoding') {
            throw malformed(`${name} is not allowed on a Capsule Protocol message`);
        }
    }
    if (status === 204 || status === 205 || status === 206)
        throw malformed(`status ${status} is not allowed with the Capsule Protocol`);
}
/** The header list of an extended CONNECT request, pseudo-headers first. */
export function buildExtendedConnectHeaders(init) {
    const out = [
        [':method', 'CONNECT'],
        [':protocol', init.protocol],
        [':scheme', init.scheme ?? 'https'],
        [':authority', init.authority],
        [':path', init.path],
    ];
    if (init.origin !== undefined)
        out.push(['origin', init.origin]);
    if (init.headers)
        for (const [n, v] of init.headers)
            out.push([n, v]);
    return out;
}
/** 2xx accepts an extended CONNECT (WebTransport: "any 2xx"). */
export function isSuccessfulConnectStatus(status) {
    return status >= 200 && status <= 299;
}
//# sourceMappingURL=extended-connect.js.map