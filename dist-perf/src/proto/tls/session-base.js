import { Deque } from '../util/deque.js';
import { AlertDescription, TlsAlertError, alertName } from './alerts.js';
import { HandshakeReassembler } from './messages.js';
import { CertificateVerificationError, EncryptionLevel } from './session.js';
import { Transcript } from './transcript.js';
export class TlsSessionBase {
    handshakeComplete = false;
    alpn;
    serverName;
    peerTransportParameters;
    cipherSuite;
    peerCertificates = [];
    resumed = false;
    crypto;
    random;
    transcript;
    clientRandom = new Uint8Array(0);
    events = new Deque();
    reassemblers = [
        new HandshakeReassembler(), new HandshakeReassembler(), new HandshakeReassembler(), new HandshakeReassembler(),
    ];
    failure;
    constructor(deps) {
        this.crypto = deps.crypto;
        this.random = deps.random;
        this.transcript = new Transcript(deps.crypto);
    }
    pollEvent() {
        return this.events.shift();
    }
    handleHandshakeData(level, data, now) {
        if (this.failure)
            throw this.failure;
        try {
            const reassembler = level === EncryptionLevel.EARLY_DATA ? undefined : this.reassemblers[level];
            if (!reassembler)
                throw new TlsAlertError(AlertDescription.unexpected_message, `handshake data at level ${level}`);
            for (const message of reassembler.push(data))
                this.handleMessage(level, message, now);
        }
        catch (err) {
            if (err instanceof TlsAlertError)
                this.failure = err;
            throw err;
        }
    }
    emit(event) {
        this.events.push(event);
    }
    send(level, data) {
        this.events.push({ type: 'handshakeData', level, data });
    }
    emitSecret(level, direction, secret) {
        this.events.push({ type: 'secret', level, direction, suite: this.cipherSuite, secret });
    }
    emitKeyLog(label, secret) {
        this.events.push({ type: 'keyLog', label, clientRandom: this.clientRandom, secret });
    }
    /** Keys change only at message boundaries (RFC 9001 §4.1.3): no partial message may remain. */
    requireNoPendingData(level) {
        if (this.reassemblers[level].buffered > 0) {
            throw new TlsAlertError(AlertDescription.unexpected_message, 'handshake data left over at a key change');
        }
    }
    unexpected(level, message, state) {
        throw new TlsAlertError(AlertDescription.unexpected_message, `unexpected handshake message ${message.type} at level ${level} in state ${state}`);
    }
    /** Runs a certificate verifier, mapping its refusal to the alert it implies. */
    verifyChain(verifier, chain, serverName, now) {
        try {
            verifier.verify(chain, serverName, now);
        }
        catch (err) {
            throw certificateAlert(err);
        }
    }
    /** Verifies a CertificateVerify signature with the leaf's public key; failure is decrypt_error. */
    verifySignature(scheme, leaf, input, signature) {
        let ok = false;
        try {
            ok = this.crypto.verifySignature(scheme, leaf, input, signature);
        }
        catch {
            ok = false;
        }
        if (!ok)
            throw new TlsAlertError(AlertDescription.decrypt_error, 'CertificateVerify signature does not verify');
    }
    /** (EC)DHE with the peer's share; a bad point is illegal_parameter. */
    deriveShared(deriver, peer) {
        try {
            return deriver.deriveSecret(peer);
        }
        catch (err) {
            throw new TlsAlertError(AlertDescription.illegal_parameter, `bad key share: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
}
/** The alert that a certificate verifier's refusal implies (RFC 8446 §6.2). */
export function certificateAlert(err) {
    if (err instanceof TlsAlertError)
        return err;
    if (err instanceof CertificateVerificationError) {
        const alert = err.reason === 'expired' ? AlertDescription.certificate_expired
            : err.reason === 'untrusted' ? AlertDescription.unknown_ca
                : err.reason === 'unsupported' ? AlertDescription.unsupported_certificate
                    : AlertDescription.bad_certificate;
        return new TlsAlertError(alert, `certificate refused (${alertName(alert)}): ${err.message}`);
    }
    return new TlsAlertError(AlertDescription.bad_certificate, `certificate refused: ${err instanceof Error ? err.message : String(err)}`);
}
//# sourceMappingURL=session-base.js.map