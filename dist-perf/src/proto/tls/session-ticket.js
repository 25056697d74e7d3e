import { ByteReader, ByteWriter, fromUtf8, utf8 } from '../util/bytes.js';
import { AlertDescription, TlsAlertError, decoding } from './alerts.js';
import { ExtensionType, readExtensions, writeExtensions } from './extensions.js';
import { computeVerifyData } from './finished.js';
import { KeySchedule } from './key-schedule.js';
import { HandshakeType, frameHandshake } from './messages.js';
/** RFC 8446 §4.6.1: tickets live at most seven days. */
export const MAX_TICKET_LIFETIME_SECONDS = 604_800;
export function encodeNewSessionTicket(t, extensions = []) {
    const w = new ByteWriter(64 + t.ticket.length);
    w.u32(t.lifetimeSeconds).u32(t.ageAdd).vec8(t.nonce).vec16(t.ticket);
    writeExtensions(w, extensions);
    return frameHandshake(HandshakeType.new_session_ticket, w.finish());
}
export function decodeNewSessionTicket(body) {
    return decoding('NewSessionTicket', () => {
        const r = new ByteReader(body);
        const lifetimeSeconds = r.u32();
        const ageAdd = r.u32();
        const nonce = r.vec8().slice();
        const ticket = r.vec16().slice();
        const ext = readExtensions(r);
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after NewSessionTicket');
        if (ticket.length === 0)
            throw new TlsAlertError(AlertDescription.decode_error, 'empty ticket');
        if (lifetimeSeconds > MAX_TICKET_LIFETIME_SECONDS)
            throw new TlsAlertError(AlertDescription.illegal_parameter, 'ticket lifetime above 7 days');
        let maxEarlyData = 0;
        const early = ext.map.get(ExtensionType.early_data);
        if (early) {
            if (early.length !== 4)
                throw new TlsAlertError(AlertDescription.decode_error, 'bad early_data in NewSessionTicket');
            maxEarlyData = new ByteReader(early).u32();
        }
        return { lifetimeSeconds, ageAdd, nonce, ticket, maxEarlyData };
    });
}
const TICKET_VERSION = 1;
const TICKET_AAD = utf8('tswebtransport ticket v1');
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
/** Seals ticket contents with AES-256-GCM under the server's 32-byte ticket key. */
export function sealTicket(crypto, random, key, c) {
    const w = new ByteWriter(128);
    w.u8(TICKET_VERSION).u16(c.suite).vec8(utf8(c.alpn)).vec16(utf8(c.serverName)).vec8(c.psk);
    w.u32(Math.floor(c.issuedAt / 0x1_0000_0000)).u32(c.issuedAt >>> 0).u32(c.lifetimeSeconds).u32(c.ageAdd);
    const plain = w.finish();
    const out = new Uint8Array(NONCE_LENGTH + plain.length + TAG_LENGTH);
    const nonce = random.fill(out.subarray(0, NONCE_LENGTH));
    crypto.createAead('aes-256-gcm', key).seal(nonce, TICKET_AAD, plain, out, NONCE_LENGTH);
    return out;
}
/** The contents of a ticket we issued, or undefined for anything else (forged, other key, garbage). */
export function openTicket(crypto, key, ticket) {
    if (ticket.length < NONCE_LENGTH + TAG_LENGTH)
        return undefined;
    const plain = crypto.createAead('aes-256-gcm', key).open(ticket.subarray(0, NONCE_LENGTH), TICKET_AAD, ticket.subarray(NONCE_LENGTH));
    if (!plain)
        return undefined;
    try {
        const r = new ByteReader(plain);
        if (r.u8() !== TICKET_VERSION)
            return undefined;
        const suite = r.u16();
        const alpn = fromUtf8(r.vec8());
        const serverName = fromUtf8(r.vec16());
        const psk = r.vec8().slice();
        const issuedAt = r.u32() * 0x1_0000_0000 + r.u32();
        const lifetimeSeconds = r.u32();
        const ageAdd = r.u32();
        if (!r.done)
            return undefined;
        return { suite, alpn, serverName, psk, issuedAt, lifetimeSeconds, ageAdd };
    }
    catch {
        return undefined;
    }
}
/** A PSK binder: the Finished computation keyed by the binder key (RFC 8446 §4.2.11.2). */
export function computeBinder(crypto, hash, psk, transcriptHash) {
    const binderKey = new KeySchedule(crypto, hash, psk).binderKey();
    return computeVerifyData(crypto, hash, binderKey, transcriptHash);
}
//# sourceMappingURL=session-ticket.js.map