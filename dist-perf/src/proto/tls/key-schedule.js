import { hashLength } from '../crypto/provider.js';
import { deriveSecret, hkdfExpandLabel } from '../crypto/hkdf-label.js';
import { invariant } from '../util/invariant.js';
export class KeySchedule {
    hash;
    earlySecret;
    crypto;
    emptyHash;
    handshakeSecret;
    masterSecret;
    /** Starts from Extract(0, PSK), with zeros as the PSK when none is used. */
    constructor(crypto, hash, psk) {
        this.crypto = crypto;
        this.hash = hash;
        const zeros = new Uint8Array(hashLength(hash));
        this.emptyHash = crypto.hash(hash, new Uint8Array(0));
        this.earlySecret = crypto.hkdfExtract(hash, zeros, psk ?? zeros);
    }
    /** The PSK binder key: "res binder" for resumption tickets, "ext binder" for external PSKs. */
    binderKey(external = false) {
        return deriveSecret(this.crypto, this.hash, this.earlySecret, external ? 'ext binder' : 'res binder', this.emptyHash);
    }
    /** Mixes in the (EC)DHE shared secret; returns the handshake secret. */
    deriveHandshakeSecret(sharedSecret) {
        const derived = deriveSecret(this.crypto, this.hash, this.earlySecret, 'derived', this.emptyHash);
        this.handshakeSecret = this.crypto.hkdfExtract(this.hash, derived, sharedSecret);
        return this.handshakeSecret;
    }
    /** "c/s hs traffic" over Transcript-Hash(ClientHello..ServerHello). */
    handshakeTrafficSecrets(transcriptHash) {
        const hs = this.handshakeSecret;
        invariant(hs, 'handshake secret not derived');
        return {
            client: deriveSecret(this.crypto, this.hash, hs, 'c hs traffic', transcriptHash),
            server: deriveSecret(this.crypto, this.hash, hs, 's hs traffic', transcriptHash),
        };
    }
    /** Extract(Derive-Secret(handshake, "derived", ""), 0); returns the master secret. */
    deriveMasterSecret() {
        const hs = this.handshakeSecret;
        invariant(hs, 'handshake secret not derived');
        const derived = deriveSecret(this.crypto, this.hash, hs, 'derived', this.emptyHash);
        this.masterSecret = this.crypto.hkdfExtract(this.hash, derived, new Uint8Array(hashLength(this.hash)));
        return this.masterSecret;
    }
    master() {
        invariant(this.masterSecret, 'master secret not derived');
        return this.masterSecret;
    }
    /** "c/s ap traffic" over Transcript-Hash(ClientHello..server Finished). */
    applicationTrafficSecrets(transcriptHash) {
        const ms = this.master();
        return {
            client: deriveSecret(this.crypto, this.hash, ms, 'c ap traffic', transcriptHash),
            server: deriveSecret(this.crypto, this.hash, ms, 's ap traffic', transcriptHash),
        };
    }
    /** "exp master" over Transcript-Hash(ClientHello..server Finished). */
    exporterMasterSecret(transcriptHash) {
        return deriveSecret(this.crypto, this.hash, this.master(), 'exp master', transcriptHash);
    }
    /** "res master" over Transcript-Hash(ClientHello..client Finished). */
    resumptionMasterSecret(transcriptHash) {
        return deriveSecret(this.crypto, this.hash, this.master(), 'res master', transcriptHash);
    }
}
/** The PSK a NewSessionTicket stands for (RFC 8446 §4.6.1). */
export function resumptionPsk(crypto, hash, resumptionMasterSecret, ticketNonce) {
    return hkdfExpandLabel(crypto, hash, resumptionMasterSecret, 'resumption', ticketNonce, hashLength(hash));
}
//# sourceMappingURL=key-schedule.js.map