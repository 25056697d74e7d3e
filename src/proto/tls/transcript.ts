/**
 * The handshake transcript (RFC 8446 §4.4.1). Messages seen before the cipher suite (and so
 * the hash) is known are kept raw, then hashed once it is chosen.
 */
import type { CryptoProvider, HashAlgorithm, TranscriptHash } from '../crypto/provider.js';
import { invariant } from '../util/invariant.js';
import { HandshakeType } from './messages.js';

export class Transcript {
  private readonly crypto: CryptoProvider;
  private running: TranscriptHash | undefined;
  private pending: Uint8Array[] = [];
  private algorithm: HashAlgorithm | undefined;

  constructor(crypto: CryptoProvider) {
    this.crypto = crypto;
  }

  get hash(): HashAlgorithm | undefined {
    return this.algorithm;
  }

  add(message: Uint8Array): void {
    if (this.running) this.running.update(message);
    else this.pending.push(message);
  }

  /** Fixes the hash algorithm and hashes what was kept so far. */
  setHash(algorithm: HashAlgorithm): void {
    invariant(!this.running, 'transcript hash already chosen');
    this.algorithm = algorithm;
    this.running = this.crypto.createTranscriptHash(algorithm);
    for (const m of this.pending) this.running.update(m);
    this.pending = [];
  }

  digest(): Uint8Array {
    invariant(this.running, 'transcript hash not chosen');
    return this.running.digest();
  }

  /** Hash of the transcript followed by `extra`, without adding it (PSK binders). */
  digestWith(algorithm: HashAlgorithm, extra: Uint8Array): Uint8Array {
    if (this.running) {
      invariant(algorithm === this.algorithm, 'binder hash differs from the transcript hash');
      const c = this.running.clone();
      c.update(extra);
      return c.digest();
    }
    const t = this.crypto.createTranscriptHash(algorithm);
    for (const m of this.pending) t.update(m);
    t.update(extra);
    return t.digest();
  }

  /** Drops the running hash once the handshake is over: nothing is added or digested again. */
  release(): void {
    this.running = undefined;
    this.pending = [];
  }

  /**
   * After a HelloRetryRequest, ClientHello1 is replaced by the synthetic message_hash message
   * (RFC 8446 §4.4.1). Call with the hash chosen and only ClientHello1 in the transcript.
   */
  replaceWithMessageHash(): void {
    const h = this.digest();
    const t = this.crypto.createTranscriptHash(this.algorithm!);
    t.update(new Uint8Array([HandshakeType.message_hash, 0, 0, h.length]));
    t.update(h);
    this.running = t;
  }
}
