/** EncryptedExtensions codec (RFC 8446 §4.3.1). */
import { ByteReader, ByteWriter } from '../util/bytes.js';
import { AlertDescription, TlsAlertError, decoding } from './alerts.js';
import { readExtensions, writeExtensions } from './extensions.js';
import { HandshakeType, frameHandshake } from './messages.js';
export function encodeEncryptedExtensions(extensions) {
    const w = new ByteWriter(256);
    writeExtensions(w, extensions);
    return frameHandshake(HandshakeType.encrypted_extensions, w.finish());
}
export function decodeEncryptedExtensions(body) {
    return decoding('EncryptedExtensions', () => {
        const r = new ByteReader(body);
        const block = readExtensions(r);
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after EncryptedExtensions');
        return block;
    });
}
//# sourceMappingURL=encrypted-extensions.js.map