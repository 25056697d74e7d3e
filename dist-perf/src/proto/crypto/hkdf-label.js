import { ByteWriter, utf8 } from '../util/bytes.js';
const EMPTY = new Uint8Array(0);
/** The HkdfLabel structure of RFC 8446 §7.1 ("tls13 " + label). */
export function hkdfLabel(label, context, length) {
    const full = utf8('tls13 ' + label);
    return new ByteWriter(4 + full.length + context.length).u16(length).vec8(full).vec8(context).finish();
}
/** HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1). */
export function hkdfExpandLabel(provider, hash, secret, label, context, length) {
    return provider.hkdfExpand(hash, secret, hkdfLabel(label, context, length), length);
}
/** Derive-Secret(Secret, Label, Messages) given the transcript hash of Messages (RFC 8446 §7.1). */
export function deriveSecret(provider, hash, secret, label, transcriptHash) {
    return hkdfExpandLabel(provider, hash, secret, label, transcriptHash, transcriptHash.length || hashLen(hash));
}
function hashLen(hash) {
    return hash === 'sha256' ? 32 : hash === 'sha384' ? 48 : 64;
}
export { EMPTY as EMPTY_CONTEXT };
//# sourceMappingURL=hkdf-label.js.map