import { hashLength } from '../crypto/provider.js';
import { hkdfExpandLabel } from '../crypto/hkdf-label.js';
import { EMPTY_CONTEXT } from '../crypto/hkdf-label.js';
import { HandshakeType, frameHandshake } from './messages.js';
export function finishedKey(crypto, hash, baseKey) {
    return hkdfExpandLabel(crypto, hash, baseKey, 'finished', EMPTY_CONTEXT, hashLength(hash));
}
export function computeVerifyData(crypto, hash, baseKey, transcriptHash) {
    return crypto.hmac(hash, finishedKey(crypto, hash, baseKey), transcriptHash);
}
export function encodeFinished(verifyData) {
    return frameHandshake(HandshakeType.finished, verifyData);
}
/** Constant-time comparison of verify_data (the peer must not learn how many bytes matched). */
export function verifyDataEquals(a, b) {
    if (a.length !== b.length)
        return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++)
        diff |= a[i] ^ b[i];
    return diff === 0;
}
//# sourceMappingURL=finished.js.map