/**
 * Validation of decoded HTTP/3 field sections (RFC 9114 §4.1.2, §4.2, §4.3): pseudo-headers first,
 * only the defined ones, each at most once, lowercase token names, no CR/LF/NUL in values, no
 * connection-specific fields. Every violation is a malformed message: H3Error(H3_MESSAGE_ERROR).
 */
import { H3Error, H3ErrorCode } from './errors.js';
import { checkConnectRules } from './extended-connect.js';
function malformed(reason) {
    return new H3Error(H3ErrorCode.H3_MESSAGE_ERROR, reason);
}
/** RFC 9110 §5.6.2 tchar, lowercase letters only (uppercase names are malformed in HTTP/3). */
const NAME_CHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz")
    NAME_CHAR[c.charCodeAt(0)] = 1;
/** Connection-specific fields (RFC 9114 §4.2, RFC 9110 §7.6.1). */
const CONNECTION_SPECIFIC = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);
/** Throws unless `name` is a non-empty lowercase token (regular field names only). */
export function checkFieldName(name) {
    if (name.length === 0)
        throw malformed('empty field name');
    for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i);
        if (c >= 128 || NAME_CHAR[c] !== 1) {
            throw malformed(c >= 0x41 && c <= 0x5a ? `uppercase field name ${JSON.stringify(name)}` : `invalid character in field name ${JSON.stringify(name)}`);
        }
    }
}
/** Throws if `value` holds NUL, CR or LF (RFC 9110 §5.5: invalid and dangerous). */
export function checkFieldValue(name, value) {
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c === 0 || c === 0x0a || c === 0x0d)
            throw malformed(`invalid character in the value of ${name}`);
    }
}
/** Checks one regular field line; `te` is allowed only in requests and only as "trailers". */
function checkRegularField(name, value, isRequest) {
    checkFieldName(name);
    checkFieldValue(name, value);
    if (CONNECTION_SPECIFIC.has(name))
        throw malformed(`connection-specific field ${name}`);
    if (name === 'te' && (!isRequest || value.trim().toLowerCase() !== 'trailers'))
        throw malformed('te other than "trailers"');
}
/**
 * Validates a request header section and returns its control data. Applies the CONNECT and
 * extended CONNECT rules (RFC 9220) and, for other methods, RFC 9114 §4.3.1.
 */
export function validateRequestHeaders(headers, options = {}) {
    let method;
    let scheme;
    let authority;
    let path;
    let protocol;
    let host;
    let inPseudo = true;
    for (const [name, value] of headers) {
        if (name.charCodeAt(0) === 0x3a /* ':' */) {
            if (!inPseudo)
                throw malformed(`pseudo-header ${name} after regular fields`);
            checkFieldValue(name, value);
            switch (name) {
                case ':method':
                    if (method !== undefined)
                        throw dup(name);
                    method = value;
                    break;
                case ':scheme':
                    if (scheme !== undefined)
                        throw dup(name);
                    scheme = value;
                    break;
                case ':authority':
                    if (authority !== undefined)
                        throw dup(name);
                    authority = value;
                    break;
                case ':path':
                    if (path !== undefined)
                        throw dup(name);
                    path = value;
                    break;
                case ':protocol':
                    if (protocol !== undefined)
                        throw dup(name);
                    protocol = value;
                    break;
                default: throw malformed(`pseudo-header ${name} is not allowed in a request`);
            }
            continue;
        }
        inPseudo = false;
        checkRegularField(name, value, true);
        if (name === 'host') {
            if (host !== undefined && host !== value)
                throw malformed('conflicting host fields');
            host = value;
        }
    }
    if (method === undefined || method === '')
        throw malformed('missing :method');
    for (let i = 0; i < method.length; i++) {
        const c = method.charCodeAt(i);
        // Methods are case-sensitive tokens (RFC 9110 §9.1): tchar plus uppercase letters.
        if (c >= 128 || (NAME_CHAR[c] !== 1 && !(c >= 0x41 && c <= 0x5a)))
            throw malformed('invalid :method');
    }
    const pseudo = { method, scheme, authority, path, protocol };
    if (method === 'CONNECT' || protocol !== undefined) {
        checkConnectRules(pseudo, options.extendedConnectEnabled ?? false);
        if (host !== undefined && authority !== undefined && host !== authority)
            throw malformed(':authority and host differ');
        return pseudo;
    }
    if (scheme === undefined || scheme === '')
        throw malformed('missing :scheme');
    if (path === undefined || path === '')
        throw malformed('missing :path');
    const httpLike = scheme === 'http' || scheme === 'https';
    if (httpLike) {
        if (path !== '*' && path.charCodeAt(0) !== 0x2f)
            throw malformed(':path must start with "/"');
        if (path === '*' && method !== 'OPTIONS')
            throw malformed(':path "*" is only for OPTIONS');
        if (authority === undefined && host === undefined)
            throw malformed('missing :authority and host');
        if (authority === '' || host === '')
            throw malformed('empty :authority or host');
        if (authority !== undefined && authority.includes('@'))
            throw malformed(':authority must not contain userinfo');
    }
    if (host !== undefined && authority !== undefined && host !== authority)
        throw malformed(':authority and host differ');
    return pseudo;
}
function dup(name) {
    return malformed(`duplicate ${name}`);
}
/** Validates a response header section (interim or final); returns its status. */
export function validateResponseHeaders(headers) {
    let status;
    let inPseudo = true;
    for (const [name, value] of headers) {
        if (name.charCodeAt(0) === 0x3a) {
            if (!inPseudo)
                throw malformed(`pseudo-header ${name} after regular fields`);
            if (name !== ':status')
                throw malformed(`pseudo-header ${name} is not allowed in a response`);
            if (status !== undefined)
                throw dup(name);
            status = value;
            continue;
        }
        inPseudo = false;
        checkRegularField(name, value, false);
    }
    if (status === undefined)
        throw malformed('missing :status');
    if (!/^[1-5][0-9][0-9]$/.test(status))
        throw malformed(`invalid :status ${JSON.stringify(status)}`);
    const code = Number(status);
    // HTTP/3 has no 101 Switching Protocols (RFC 9114 §4.5).
    if (code === 101)
        throw malformed(':status 101 is not allowed in HTTP/3');
    return { status: code };
}
/** Validates a trailer section: regular fields only. */
export function validateTrailers(headers) {
    for (const [name, value] of headers) {
        if (name.charCodeAt(0) === 0x3a)
            throw malformed(`pseudo-header ${name} in trailers`);
        checkRegularField(name, value, false);
    }
}
/** 1xx responses are interim: a final response still follows (RFC 9114 §4.1). */
export function isInformationalStatus(status) {
    return status >= 100 && status <= 199;
}
/**
 * The declared content length, or undefined when absent. Repeated fields and comma lists must
 * all hold the same decimal value (RFC 9110 §8.6).
 */
export function parseContentLength(headers) {
    let result;
    for (const [name, value] of headers) {
        if (name !== 'content-length')
            continue;
        for (const part of value.split(',')) {
            const s = part.trim();
            if (!/^[0-9]{1,16}$/.test(s))
                throw malformed(`invalid content-length ${JSON.stringify(value)}`);
            const n = Number(s);
            if (n > Number.MAX_SAFE_INTEGER)
                throw malformed('content-length too large');
            if (result !== undefined && result !== n)
                throw malformed('conflicting content-length values');
            result = n;
        }
    }
    return result;
}
/**
 * Checks received body bytes against the declared length: never more, and exactly that much
 * once the message has ended (RFC 9114 §4.1.2).
 */
export function checkContentLength(declared, received, ended) {
    if (declared === undefined)
        return;
    if (received > declared)
        throw malformed(`body exceeds content-length ${declared}`);
    if (ended && received !== declared)
        throw malformed(`body of ${received} bytes, content-length ${declared}`);
}
//# sourceMappingURL=header-validation.js.map