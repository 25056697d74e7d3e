/**
 * Retry tokens (RFC 9000 §8.1.2): an AEAD-sealed record of the client's address, the original
 * DCID, the Retry SCID and the issue time, so the server keeps no state between Retry and the
 * client's second Initial.
 */
import { ByteReader, ByteWriter, utf8 } from '../../util/bytes.js';
import type { Aead, CryptoProvider } from '../../crypto/provider.js';
import type { RandomSource } from '../../util/random.js';
import type { Micros } from '../../util/time.js';

const NONCE = 12;
const TAG = 16;
const TOKEN_VERSION = 1;

export interface RetryTokenContents {
  originalDcid: Uint8Array;
  retrySourceCid: Uint8Array;
}

export class AddressTokenCodec {
  private readonly aead: Aead;
  private readonly random: RandomSource;
  private readonly lifetime: Micros;

  constructor(crypto: CryptoProvider, random: RandomSource, key: Uint8Array, lifetime: Micros = 10_000_000) {
    this.aead = crypto.createAead('aes-128-gcm', key.subarray(0, 16));
    this.random = random;
    this.lifetime = lifetime;
  }

  seal(now: Micros, address: string, port: number, contents: RetryTokenContents): Uint8Array {
    const body = new ByteWriter(64)
      .u8(TOKEN_VERSION)
      .vec8(contents.originalDcid)
      .vec8(contents.retrySourceCid)
      .u32(Math.floor(now / 0x1_0000_0000))
      .u32(now >>> 0)
      .finish();
    const out = new Uint8Array(NONCE + body.length + TAG);
    const nonce = this.random.fill(out.subarray(0, NONCE));
    this.aead.seal(nonce, addressAad(address, port), body, out, NONCE);
    return out;
  }

  /** The token's contents when it is ours, unexpired and issued to this address; else undefined. */
  open(now: Micros, address: string, port: number, token: Uint8Array): RetryTokenContents | undefined {
    if (token.length < NONCE + TAG + 3 || token.length > 256) return undefined;
    const nonce = token.subarray(0, NONCE);
    const plain = this.aead.open(nonce, addressAad(address, port), token.subarray(NONCE));
    if (!plain) return undefined;
    try {
      const r = new ByteReader(plain);
      if (r.u8() !== TOKEN_VERSION) return undefined;
      const originalDcid = r.vec8().slice();
      const retrySourceCid = r.vec8().slice();
      const issued = r.u32() * 0x1_0000_0000 + r.u32();
      if (issued > now || now - issued > this.lifetime) return undefined;
      return { originalDcid, retrySourceCid };
    } catch {
      return undefined;
    }
  }
}

function addressAad(address: string, port: number): Uint8Array {
  return utf8(`${address}|${port}`);
}
