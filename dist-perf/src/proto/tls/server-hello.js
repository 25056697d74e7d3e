/** ServerHello and HelloRetryRequest codec (RFC 8446 §4.1.3, §4.1.4). */
import { ByteReader, ByteWriter, bytesEqual, fromHex } from '../util/bytes.js';
import { AlertDescription, TlsAlertError, decoding } from './alerts.js';
import { LEGACY_VERSION, readExtensions, writeExtensions } from './extensions.js';
import { HandshakeType, frameHandshake } from './messages.js';
/** SHA-256("HelloRetryRequest"): the random that marks a ServerHello as a HelloRetryRequest. */
export const HELLO_RETRY_REQUEST_RANDOM = fromHex('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c');
/** Encodes a whole ServerHello (or, with HELLO_RETRY_REQUEST_RANDOM, an HRR) message. */
export function encodeServerHello(random, sessionIdEcho, cipherSuite, extensions) {
    const w = new ByteWriter(128);
    w.u16(LEGACY_VERSION).bytes(random).vec8(sessionIdEcho).u16(cipherSuite).u8(0);
    writeExtensions(w, extensions);
    return frameHandshake(HandshakeType.server_hello, w.finish());
}
export function decodeServerHello(body) {
    return decoding('ServerHello', () => {
        const r = new ByteReader(body);
        const version = r.u16();
        const random = r.bytes(32);
        const legacySessionIdEcho = r.vec8();
        if (legacySessionIdEcho.length > 32)
            throw new TlsAlertError(AlertDescription.illegal_parameter, 'session id echo longer than 32');
        const cipherSuite = r.u16();
        const compression = r.u8();
        if (version !== LEGACY_VERSION)
            throw new TlsAlertError(AlertDescription.protocol_version, `ServerHello legacy_version 0x${version.toString(16)}`);
        if (compression !== 0)
            throw new TlsAlertError(AlertDescription.illegal_parameter, 'ServerHello compression method must be 0');
        if (r.done)
            throw new TlsAlertError(AlertDescription.protocol_version, 'ServerHello without extensions (TLS 1.2 or older)');
        const extensions = readExtensions(r);
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after ServerHello');
        return {
            random, legacySessionIdEcho, cipherSuite, extensions,
            isHelloRetryRequest: bytesEqual(random, HELLO_RETRY_REQUEST_RANDOM),
        };
    });
}
//# sourceMappingURL=server-hello.js.map