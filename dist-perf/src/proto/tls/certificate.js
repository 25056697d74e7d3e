/**
 * Certificate, CertificateRequest and CertificateVerify codecs (RFC 8446 §4.3.2, §4.4.2,
 * §4.4.3) and the CertificateVerify signature input.
 */
import { ByteReader, ByteWriter, utf8 } from '../util/bytes.js';
import { AlertDescription, TlsAlertError, decoding } from './alerts.js';
import { ExtensionType, decodeU16List, encodeU16List, readExtensions, writeExtensions } from './extensions.js';
import { HandshakeType, frameHandshake } from './messages.js';
export function encodeCertificate(context, chain) {
    const w = new ByteWriter(1024);
    w.vec8(context);
    w.lengthPrefixed(3, () => {
        for (const der of chain)
            w.vec24(der).u16(0);
    });
    return frameHandshake(HandshakeType.certificate, w.finish());
}
export function decodeCertificate(body) {
    return decoding('Certificate', () => {
        const r = new ByteReader(body);
        const context = r.vec8().slice();
        const list = new ByteReader(r.vec24());
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after Certificate');
        const chain = [];
        while (!list.done) {
            const der = list.vec24();
            if (der.length === 0)
                throw new TlsAlertError(AlertDescription.decode_error, 'empty cert_data');
            readExtensions(list);
            chain.push(der.slice());
        }
        return { context, chain };
    });
}
export function encodeCertificateRequest(context, signatureAlgorithms) {
    const w = new ByteWriter(64);
    w.vec8(context);
    writeExtensions(w, [{ type: ExtensionType.signature_algorithms, data: encodeU16List(signatureAlgorithms) }]);
    return frameHandshake(HandshakeType.certificate_request, w.finish());
}
export function decodeCertificateRequest(body) {
    return decoding('CertificateRequest', () => {
        const r = new ByteReader(body);
        const context = r.vec8().slice();
        const extensions = readExtensions(r);
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after CertificateRequest');
        const sigAlgs = extensions.map.get(ExtensionType.signature_algorithms);
        if (!sigAlgs)
            throw new TlsAlertError(AlertDescription.missing_extension, 'CertificateRequest without signature_algorithms');
        return { context, signatureAlgorithms: decodeU16List('signature_algorithms', sigAlgs), extensions };
    });
}
export function encodeCertificateVerify(scheme, signature) {
    return frameHandshake(HandshakeType.certificate_verify, new ByteWriter(4 + signature.length).u16(scheme).vec16(signature).finish());
}
export function decodeCertificateVerify(body) {
    return decoding('CertificateVerify', () => {
        const r = new ByteReader(body);
        const scheme = r.u16();
        const signature = r.vec16();
        if (!r.done)
            throw new TlsAlertError(AlertDescription.decode_error, 'trailing bytes after CertificateVerify');
        return { scheme, signature };
    });
}
const SERVER_CONTEXT = utf8('TLS 1.3, server CertificateVerify');
const CLIENT_CONTEXT = utf8('TLS 1.3, client CertificateVerify');
/** 64 spaces, the context string, a zero byte, then the transcript hash (RFC 8446 §4.4.3). */
export function certificateVerifyInput(side, transcriptHash) {
    const context = side === 'server' ? SERVER_CONTEXT : CLIENT_CONTEXT;
    const out = new Uint8Array(64 + context.length + 1 + transcriptHash.length);
    out.fill(0x20, 0, 64);
    out.set(context, 64);
    out[64 + context.length] = 0;
    out.set(transcriptHash, 65 + context.length);
    return out;
}
//# sourceMappingURL=certificate.js.map