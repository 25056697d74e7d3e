/**
 * A RandomSource over crypto.randomFillSync that serves small requests from a pool refilled
 * 4 KB at a time. A handshake asks for a dozen small values (connection IDs, reset-token
 * secrets, TLS randoms) and each randomFillSync call costs ~2-3 µs; a pooled copy ~0.1 µs.
 * Bytes handed out are wiped from the pool, so no secret lingers there after use.
 */
import { randomFillSync } from 'node:crypto';
import type { RandomSource } from '../proto/util/random.js';

export const RANDOM_POOL_SIZE = 4096;
/** Requests above this go straight to the OS source (they would drain the pool for little gain). */
const MAX_POOLED_REQUEST = 256;

export class PooledRandomSource implements RandomSource {
  readonly #pool = new Uint8Array(RANDOM_POOL_SIZE);
  /** Bytes before this offset were handed out (and zeroed); a new source starts empty. */
  #offset = RANDOM_POOL_SIZE;

  fill(out: Uint8Array): Uint8Array {
    const n = out.length;
    if (n > MAX_POOLED_REQUEST) return randomFillSync(out);
    if (this.#offset + n > RANDOM_POOL_SIZE) {
      randomFillSync(this.#pool);
      this.#offset = 0;
    }
    const end = this.#offset + n;
    out.set(this.#pool.subarray(this.#offset, end));
    this.#pool.fill(0, this.#offset, end);
    this.#offset = end;
    return out;
  }
}
