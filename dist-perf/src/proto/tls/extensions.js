import { ByteReader, ByteWriter, utf8 } from '../util/bytes.js';
import { AlertDescription, TlsAlertError, decoding } from './alerts.js';
export const ExtensionType = {
    server_name: 0,
    supported_groups: 10,
    signature_algorithms: 13,
    application_layer_protocol_negotiation: 16,
    pre_shared_key: 41,
    early_data: 42,
    supported_versions: 43,
    cookie: 44,
    psk_key_exchange_modes: 45,
    certificate_authorities: 47,
    post_handshake_auth: 49,
    signature_algorithms_cert: 50,
    key_share: 51,
    quic_transport_parameters: 57,
};
export const NamedGroup = {
    secp256r1: 0x0017,
    secp384r1: 0x0018,
    x25519: 0x001d,
    X25519MLKEM768: 0x11ec,
};
export const PskKeyExchangeMode = { psk_ke: 0, psk_dhe_ke: 1 };
export const TLS13_VERSION = 0x0304;
export const LEGACY_VERSION = 0x0303;
export function groupCode(group) {
    return NamedGroup[group];
}
/** Our name for a group code point, or undefined for groups we cannot compute. */
export function groupName(code) {
    if (code === NamedGroup.x25519)
        return 'x25519';
    if (code === NamedGroup.secp256r1)
        return 'secp256r1';
    if (code === NamedGroup.secp384r1)
        return 'secp384r1';
    return undefined;
}
/** Public key sizes in TLS encoding (RFC 8446 §4.2.8.2: uncompressed points for NIST curves). */
export function keyShareLength(group) {
    return group === 'x25519' ? 32 : group === 'secp256r1' ? 65 : 97;
}
function fail(message) {
    throw new TlsAlertError(AlertDescription.decode_error, message);
}
function illegal(message) {
    throw new TlsAlertError(AlertDescription.illegal_parameter, message);
}
/** Reads `Extension extensions<..2^16-1>`; duplicates are illegal_parameter (RFC 8446 §4.2). */
export function readExtensions(r) {
    const block = r.vec16();
    const er = new ByteReader(block);
    const map = new Map();
    const order = [];
    while (!er.done) {
        const type = er.u16();
        const data = er.vec16();
        if (map.has(type))
            illegal(`duplicate extension ${type}`);
        map.set(type, data);
        order.push(type);
    }
    return { map, order };
}
export function writeExtensions(w, extensions) {
    w.lengthPrefixed(2, () => {
        for (const e of extensions)
            w.u16(e.type).vec16(e.data);
    });
}
/** Decodes one extension body and requires it to be consumed exactly. */
export function decodeBody(name, data, decode) {
    return decoding(name, () => {
        const r = new ByteReader(data);
        const value = decode(r);
        if (!r.done)
            fail(`${name}: ${r.remaining} trailing bytes`);
        return value;
    });
}
function u16List(r, name, minBytes) {
    const body = r.vec16();
    if (body.length < minBytes || body.length % 2 !== 0)
        fail(`${name}: bad list length ${body.length}`);
    const out = [];
    for (let i = 0; i < body.length; i += 2)
        out.push((body[i] << 8) | body[i + 1]);
    return out;
}
function u16ListBody(values) {
    const w = new ByteWriter(2 + values.length * 2).u16(values.length * 2);
    for (const v of values)
        w.u16(v);
    return w.finish();
}
// --- server_name (RFC 6066 §3) -------------------------------------------------------------
export function encodeServerName(host) {
    const name = utf8(host);
    return new ByteWriter(5 + name.length).u16(3 + name.length).u8(0).vec16(name).finish();
}
/** The host_name entry, or undefined when the list has none. Names must be printable ASCII. */
export function decodeServerName(data) {
    return decodeBody('server_name', data, (r) => {
        const list = new ByteReader(r.vec16());
        if (list.done)
            fail('server_name: empty list');
        let host;
        while (!list.done) {
            const type = list.u8();
            const name = list.vec16();
            if (type !== 0)
                continue;
            if (host !== undefined)
                illegal('server_name: two host names');
            if (name.length === 0)
                fail('server_name: empty host name');
            let s = '';
            for (const c of name) {
                if (c < 0x21 || c > 0x7e)
                    illegal('server_name: host name is not printable ASCII');
                s += String.fromCharCode(c);
            }
            host = s.toLowerCase();
        }
        return host;
    });
}
// --- supported_groups, signature_algorithms ---------------------------------------------------
export function encodeU16List(values) {
    return u16ListBody(values);
}
export function decodeU16List(name, data) {
    return decodeBody(name, data, (r) => u16List(r, name, 2));
}
// --- ALPN (RFC 7301) --------------------------------------------------------------------------
export function encodeAlpn(protocols) {
    const w = new ByteWriter(64);
    w.lengthPrefixed(2, () => {
        for (const p of protocols) {
            if (p.length === 0 || p.length > 255)
                throw new RangeError('ALPN protocol must be 1-255 bytes');
            w.vec8(p);
        }
    });
    return w.finish();
}
export function decodeAlpn(data) {
    return decodeBody('alpn', data, (r) => {
        const list = new ByteReader(r.vec16());
        if (list.done)
            fail('alpn: empty list');
        const out = [];
        while (!list.done) {
            const p = list.vec8();
            if (p.length === 0)
                fail('alpn: empty protocol name');
            out.push(p);
        }
        return out;
    });
}
// --- supported_versions -----------------------------------------------------------------------
export function encodeSupportedVersionsClient(versions) {
    const w = new ByteWriter(1 + versions.length * 2).u8(versions.length * 2);
    for (const v of versions)
        w.u16(v);
    return w.finish();
}
export function decodeSupportedVersionsClient(data) {
    return decodeBody('supported_versions', data, (r) => {
        const body = r.vec8();
        if (body.length < 2 || body.length % 2 !== 0)
            fail('supported_versions: bad list length');
        const out = [];
        for (let i = 0; i < body.length; i += 2)
            out.push((body[i] << 8) | body[i + 1]);
        return out;
    });
}
export function encodeU16(value) {
    return new Uint8Array([value >>> 8, value & 0xff]);
}
export function decodeU16(name, data) {
    return decodeBody(name, data, (r) => r.u16());
}
function writeKeyShareEntry(w, e) {
    w.u16(e.group).vec16(e.keyExchange);
}
export function encodeKeyShareClient(entries) {
    const w = new ByteWriter(128);
    w.lengthPrefixed(2, () => { for (const e of entries)
        writeKeyShareEntry(w, e); });
    return w.finish();
}
export function decodeKeyShareClient(data) {
    return decodeBody('key_share', data, (r) => {
        const list = new ByteReader(r.vec16());
        const out = [];
        while (!list.done) {
            const group = list.u16();
            const keyExchange = list.vec16();
            if (keyExchange.length === 0)
                fail('key_share: empty key_exchange');
            if (out.some((e) => e.group === group))
                illegal('key_share: duplicate group');
            out.push({ group, keyExchange });
        }
        return out;
    });
}
export function encodeKeyShareServer(entry) {
    const w = new ByteWriter(4 + entry.keyExchange.length);
    writeKeyShareEntry(w, entry);
    return w.finish();
}
export function decodeKeyShareServer(data) {
    return decodeBody('key_share', data, (r) => {
        const group = r.u16();
        const keyExchange = r.vec16();
        if (keyExchange.length === 0)
            fail('key_share: empty key_exchange');
        return { group, keyExchange };
    });
}
// --- psk_key_exchange_modes, cookie, early_data -----------------------------------------------
export function encodePskModes(modes) {
    return new ByteWriter(1 + modes.length).vec8(Uint8Array.from(modes)).finish();
}
export function decodePskModes(data) {
    return decodeBody('psk_key_exchange_modes', data, (r) => {
        const body = r.vec8();
        if (body.length === 0)
            fail('psk_key_exchange_modes: empty');
        return Array.from(body);
    });
}
export function encodeCookie(cookie) {
    return new ByteWriter(2 + cookie.length).vec16(cookie).finish();
}
export function decodeCookie(data) {
    return decodeBody('cookie', data, (r) => {
        const c = r.vec16();
        if (c.length === 0)
            fail('cookie: empty');
        return c;
    });
}
export function encodeOfferedPsks(identities, binders) {
    const w = new ByteWriter(128);
    w.lengthPrefixed(2, () => { for (const id of identities)
        w.vec16(id.identity).u32(id.obfuscatedTicketAge); });
    w.lengthPrefixed(2, () => { for (const b of binders)
        w.vec8(b); });
    return w.finish();
}
export function decodeOfferedPsks(data) {
    return decodeBody('pre_shared_key', data, (r) => {
        const idr = new ByteReader(r.vec16());
        const identities = [];
        while (!idr.done) {
            const identity = idr.vec16();
            if (identity.length === 0)
                fail('pre_shared_key: empty identity');
            identities.push({ identity, obfuscatedTicketAge: idr.u32() });
        }
        const bindersStart = r.pos;
        const br = new ByteReader(r.vec16());
        const bindersSize = r.pos - bindersStart;
        const binders = [];
        while (!br.done) {
            const b = br.vec8();
            if (b.length < 32)
                fail('pre_shared_key: binder shorter than 32 bytes');
            binders.push(b);
        }
        if (identities.length === 0 || identities.length !== binders.length)
            illegal('pre_shared_key: identities and binders differ');
        return { identities, binders, bindersSize };
    });
}
//# sourceMappingURL=extensions.js.map