/** ClientHello codec (RFC 8446 §4.1.2). Extension meaning is left to the server logic. */
import { ByteReader, ByteWriter } from '../util/bytes.js';
import { AlertDescription, TlsAlertError, decoding } from './alerts.js';
import { ExtensionType, LEGACY_VERSION, readExtensions, writeExtensions } from './extensions.js';
import { HandshakeType, frameHandshake } from './messages.js';
/** Encodes a whole ClientHello handshake message (header included). */
export function encodeClientHello(random, cipherSuites, extensions) {
    const w = new ByteWriter(512);
    w.u16(LEGACY_VERSION).bytes(random).u8(0); // QUIC: empty legacy_session_id (RFC 9001 §8.4)
    w.u16(cipherSuites.length * 2);
    for (const s of cipherSuites)
        w.u16(s);
    w.u8(1).u8(0); // legacy_compression_methods = [null]
    writeExtensions(w, extensions);
    return frameHandshake(HandshakeType.client_hello, w.finish());
}
export function decodeClientHello(body) {
    return decoding('ClientHello', () => {
        const r = new ByteReader(body);
        r.u16(); // legacy_version: ignored, supported_versions decides (RFC 8446 §4.2.1)
        const random = r.bytes(32);
        const legacySessionId = r.vec8();
        if (legacySessionId.length > 32)
            throw new TlsAlertError(AlertDescription.illegal_parameter, 'legacy_session_id longer than 32');
        const suites = r.vec16();
        if (suites.length < 2 || suites.length % 2 !== 0)
            throw new TlsAlertError(AlertDescription.decode_error, 'bad cipher_suites length');
        const cipherSuites = [];
        for (let i = 0; i < suites.length; i += 2)
            cipherSuites.push((suites[i] << 8) | suites[i + 1]);
        const compression = r.vec8();
        if (compression.length !== 1 || compression[0] !== 0) {
            throw new TlsAlertError(AlertDescription.illegal_parameter, 'legacy_compression_methods must be [0]');
        }
        if (r.done)
            throw new TlsAlertError(AlertDescription.missing_extension, 'ClientHello without extensions');
        const extensions = readExtensions(r);
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after ClientHello');
        const psk = extensions.order.indexOf(ExtensionType.pre_shared_key);
        if (psk !== -1 && psk !== extensions.order.length - 1) {
            throw new TlsAlertError(AlertDescription.illegal_parameter, 'pre_shared_key is not the last extension');
        }
        return { random, legacySessionId, cipherSuites, extensions };
    });
}
//# sourceMappingURL=client-hello.js.map