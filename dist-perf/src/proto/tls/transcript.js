import { invariant } from '../util/invariant.js';
import { HandshakeType } from './messages.js';
export class Transcript {
    crypto;
    running;
    pending = [];
    algorithm;
    constructor(crypto) {
        this.crypto = crypto;
    }
    get hash() {
        return this.algorithm;
    }
    add(message) {
        if (this.running)
            this.running.update(message);
        else
            this.pending.push(message);
    }
    /** Fixes the hash algorithm and hashes what was kept so far. */
    setHash(algorithm) {
        invariant(!this.running, 'transcript hash already chosen');
        this.algorithm = algorithm;
        this.running = this.crypto.createTranscriptHash(algorithm);
        for (const m of this.pending)
            this.running.update(m);
        this.pending = [];
    }
    digest() {
        invariant(this.running, 'transcript hash not chosen');
        return this.running.digest();
    }
    /** Hash of the transcript followed by `extra`, without adding it (PSK binders). */
    digestWith(algorithm, extra) {
        if (this.running) {
            invariant(algorithm === this.algorithm, 'binder hash differs from the transcript hash');
            const c = this.running.clone();
            c.update(extra);
            return c.digest();
        }
        const t = this.crypto.createTranscriptHash(algorithm);
        for (const m of this.pending)
            t.update(m);
        t.update(extra);
        return t.digest();
    }
    /**
     * After a HelloRetryRequest, ClientHello1 is replaced by the synthetic message_hash message
     * (RFC 8446 §4.4.1). Call with the hash chosen and only ClientHello1 in the transcript.
     */
    replaceWithMessageHash() {
        const h = this.digest();
        const t = this.crypto.createTranscriptHash(this.algorithm);
        t.update(new Uint8Array([HandshakeType.message_hash, 0, 0, h.length]));
        t.update(h);
        this.running = t;
    }
}
//# sourceMappingURL=transcript.js.map