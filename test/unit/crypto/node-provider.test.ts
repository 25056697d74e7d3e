import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createCipheriv, createHash, generateKeyPairSync, randomBytes, sign, webcrypto, type KeyObject } from 'node:crypto';
import './reflect-metadata-shim.js';
import * as x509 from '@peculiar/x509';
import { nodeCryptoProvider as p } from '../../../src/crypto/node-provider.js';
import type { AeadAlgorithm, KeyExchangeGroup } from '../../../src/proto/crypto/provider.js';
import { SignatureScheme } from '../../../src/proto/tls/signature-schemes.js';
import { fromHex, toHex, utf8 } from '../../../src/proto/util/bytes.js';
import { A1_CLIENT, A1_SERVER, A2_MASK, A2_SAMPLE, A3_MASK, A3_SAMPLE, A5, RFC5869_SHA256 } from '../../vectors/rfc9001.js';

describe('HKDF (RFC 5869 Appendix A, SHA-256)', () => {
  RFC5869_SHA256.forEach((c, i) => {
    test(`case A.${i + 1}`, () => {
      const prk = p.hkdfExtract('sha256', fromHex(c.salt), fromHex(c.ikm));
      assert.equal(toHex(prk), c.prk);
      assert.equal(toHex(p.hkdfExpand('sha256', prk, fromHex(c.info), c.length)), c.okm);
    });
  });

  test('expand rejects lengths above 255 * HashLen', () => {
    assert.throws(() => p.hkdfExpand('sha256', new Uint8Array(32), new Uint8Array(0), 255 * 32 + 1), RangeError);
    assert.equal(p.hkdfExpand('sha384', new Uint8Array(48), new Uint8Array(0), 255 * 48).length, 255 * 48);
  });
});

describe('hash, hmac, transcript hash', () => {
  test('hash matches node for each algorithm', () => {
    for (const alg of ['sha256', 'sha384', 'sha512'] as const) {
      assert.equal(toHex(p.hash(alg, utf8('abc'))), createHash(alg).update('abc').digest('hex'));
    }
  });

  test('hmac (RFC 4231 case 2)', () => {
    assert.equal(
      toHex(p.hmac('sha256', utf8('Jefe'), utf8('what do ya want for nothing?'))),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  test('digest() does not end the running hash, clone() is independent', () => {
    const t = p.createTranscriptHash('sha256');
    t.update(utf8('abc'));
    assert.equal(toHex(t.digest()), createHash('sha256').update('abc').digest('hex'));
    const c = t.clone();
    t.update(utf8('def'));
    assert.equal(toHex(t.digest()), createHash('sha256').update('abcdef').digest('hex'));
    assert.equal(toHex(c.digest()), createHash('sha256').update('abc').digest('hex'));
    c.update(utf8('x'));
    assert.equal(toHex(c.digest()), createHash('sha256').update('abcx').digest('hex'));
  });
});

describe('AEAD', () => {
  const cases: [AeadAlgorithm, number][] = [['aes-128-gcm', 16], ['aes-256-gcm', 32], ['chacha20-poly1305', 32]];
  for (const [alg, keyLength] of cases) {
    test(`${alg}: round trip, in place, tampering -> null`, () => {
      const aead = p.createAead(alg, randomBytes(keyLength));
      const nonce = randomBytes(12), aad = randomBytes(20);
      for (const size of [0, 1, 1200]) {
        const pt = new Uint8Array(randomBytes(size));
        const out = new Uint8Array(size + 16 + 3);
        assert.equal(aead.seal(nonce, aad, pt, out, 3), size + 16);
        const sealed = out.subarray(3);
        assert.deepEqual(aead.open(nonce, aad, sealed), pt);

        // In place: plaintext and output share the buffer.
        const inPlace = new Uint8Array(size + 16);
        inPlace.set(pt);
        aead.seal(nonce, aad, inPlace.subarray(0, size), inPlace, 0);
        assert.deepEqual(inPlace, sealed);

        // Into a caller buffer.
        const dst = new Uint8Array(size + 5);
        const view = aead.open(nonce, aad, sealed, dst);
        assert.ok(view && view.buffer === dst.buffer);
        assert.deepEqual(view, pt);

        for (const i of [0, sealed.length - 1]) {
          const bad = sealed.slice();
          bad[i]! ^= 1;
          assert.equal(aead.open(nonce, aad, bad), null);
        }
        const badAad = aad.slice();
        badAad[0]! ^= 1;
        assert.equal(aead.open(nonce, badAad, sealed), null);
        const badNonce = nonce.slice();
        badNonce[11]! ^= 1;
        assert.equal(aead.open(badNonce, aad, sealed), null);
      }
      assert.equal(aead.open(nonce, aad, new Uint8Array(15)), null);
      assert.equal(aead.open(new Uint8Array(5), aad, new Uint8Array(40)), null);
    });
  }

  test('RFC 9001 A.5: ChaCha20-Poly1305 payload ciphertext', () => {
    const aead = p.createAead('chacha20-poly1305', fromHex(A5.key));
    const out = new Uint8Array(17);
    aead.seal(fromHex(A5.nonce), fromHex(A5.unprotectedHeader), fromHex(A5.payload), out, 0);
    assert.equal(toHex(out), A5.payloadCiphertext);
  });

  test('rejects a key of the wrong length', () => {
    assert.throws(() => p.createAead('aes-128-gcm', new Uint8Array(32)), RangeError);
  });
});

describe('header protection', () => {
  test('AES-128 masks of RFC 9001 A.2 and A.3, the cipher is reused across packets', () => {
    const client = p.createHeaderProtection('aes-128-gcm', fromHex(A1_CLIENT.hp));
    const server = p.createHeaderProtection('aes-128-gcm', fromHex(A1_SERVER.hp));
    for (let i = 0; i < 3; i++) {
      assert.equal(toHex(client.mask(fromHex(A2_SAMPLE))), A2_MASK);
      assert.equal(toHex(server.mask(fromHex(A3_SAMPLE))), A3_MASK);
    }
  });

  test('ChaCha20 mask of RFC 9001 A.5', () => {
    const hp = p.createHeaderProtection('chacha20-poly1305', fromHex(A5.hp));
    assert.equal(toHex(hp.mask(fromHex(A5.sample))), A5.mask);
    assert.equal(toHex(hp.mask(fromHex(A5.sample))), A5.mask);
  });

  test('a short sample is refused and does not disturb the reused AES cipher', () => {
    const client = p.createHeaderProtection('aes-128-gcm', fromHex(A1_CLIENT.hp));
    assert.throws(() => client.mask(new Uint8Array(15)), RangeError);
    assert.equal(toHex(client.mask(fromHex(A2_SAMPLE))), A2_MASK);
    assert.throws(() => p.createHeaderProtection('chacha20-poly1305', fromHex(A5.hp)).mask(new Uint8Array(4)), RangeError);
  });

  test('AES-256 mask is AES-ECB of the sample', () => {
    const key = randomBytes(32), sample = randomBytes(16);
    const hp = p.createHeaderProtection('aes-256-gcm', key);
    // AES-ECB of one block equals AES-CBC with a zero IV.
    const cbc = createCipheriv('aes-256-cbc', key, Buffer.alloc(16)).setAutoPadding(false);
    assert.equal(toHex(hp.mask(sample)), toHex(cbc.update(sample).subarray(0, 5)));
  });
});

describe('key exchange', () => {
  const groups: KeyExchangeGroup[] = ['x25519', 'secp256r1', 'secp384r1'];
  const publicLength = { x25519: 32, secp256r1: 65, secp384r1: 97 };
  for (const g of groups) {
    test(`${g}: both sides derive the same secret`, () => {
      const a = p.generateKeyShare(g), b = p.generateKeyShare(g);
      assert.equal(a.group, g);
      assert.equal(a.publicKey.length, publicLength[g]);
      const s1 = a.deriveSecret(b.publicKey), s2 = b.deriveSecret(a.publicKey);
      assert.deepEqual(s1, s2);
      assert.equal(s1.length, g === 'secp384r1' ? 48 : 32);
      assert.notDeepEqual(a.publicKey, b.publicKey);
    });

    test(`${g}: invalid peer keys throw`, () => {
      const a = p.generateKeyShare(g);
      assert.throws(() => a.deriveSecret(new Uint8Array(0)));
      assert.throws(() => a.deriveSecret(new Uint8Array(publicLength[g] + 1)));
      if (g !== 'x25519') {
        const offCurve = new Uint8Array(publicLength[g]).fill(1);
        offCurve[0] = 4;
        assert.throws(() => a.deriveSecret(offCurve));
        const compressed = p.generateKeyShare(g).publicKey.slice(0, 1 + (publicLength[g] - 1) / 2);
        compressed[0] = 2;
        assert.throws(() => a.deriveSecret(compressed));
      } else {
        assert.throws(() => a.deriveSecret(new Uint8Array(32))); // low-order point -> all-zero secret
      }
    });
  }
});

describe('x25519 spares (generated between handshakes)', () => {
  test('every share is fresh, including those taken from the spares after a refill', async () => {
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        const share = p.generateKeyShare('x25519');
        const hex = toHex(share.publicKey);
        assert.equal(seen.has(hex), false, 'a key pair was handed out twice');
        seen.add(hex);
        const peer = p.generateKeyShare('x25519');
        seen.add(toHex(peer.publicKey));
        assert.deepEqual(share.deriveSecret(peer.publicKey), peer.deriveSecret(share.publicKey));
      }
      await new Promise((resolve) => setImmediate(resolve)); // lets the refill run
    }
    assert.equal(seen.size, 24);
  });
});

describe('verifySignature', () => {
  type Kind = 'p256' | 'p384' | 'rsa' | 'ed25519';
  const certs = new Map<Kind, { der: Uint8Array; key: KeyObject }>();
  const data = utf8('TLS 1.3, server CertificateVerify\0 transcript hash');

  before(async () => {
    x509.cryptoProvider.set(webcrypto as never);
    for (const kind of ['p256', 'p384', 'rsa', 'ed25519'] as const) certs.set(kind, await makeCertificate(kind));
  });

  function check(kind: Kind, scheme: number, signature: Uint8Array): boolean {
    return p.verifySignature(scheme, certs.get(kind)!.der, data, signature);
  }

  test('ECDSA P-256 / P-384 (DER signatures)', () => {
    const s256 = sign('sha256', data, certs.get('p256')!.key);
    const s384 = sign('sha384', data, certs.get('p384')!.key);
    assert.equal(check('p256', SignatureScheme.ecdsa_secp256r1_sha256, s256), true);
    assert.equal(check('p384', SignatureScheme.ecdsa_secp384r1_sha384, s384), true);
    // A scheme is bound to its curve.
    assert.equal(check('p256', SignatureScheme.ecdsa_secp384r1_sha384, sign('sha384', data, certs.get('p256')!.key)), false);
    assert.equal(check('p384', SignatureScheme.ecdsa_secp256r1_sha256, sign('sha256', data, certs.get('p384')!.key)), false);
  });

  test('RSA-PSS (rsae) and PKCS#1 v1.5', () => {
    const key = certs.get('rsa')!.key;
    for (const [scheme, hash, len] of [
      [SignatureScheme.rsa_pss_rsae_sha256, 'sha256', 32], [SignatureScheme.rsa_pss_rsae_sha384, 'sha384', 48],
      [SignatureScheme.rsa_pss_rsae_sha512, 'sha512', 64],
    ] as const) {
      const sig = sign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: len });
      assert.equal(check('rsa', scheme, sig), true, `scheme ${scheme}`);
    }
    const pkcs1 = sign('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING });
    assert.equal(check('rsa', SignatureScheme.rsa_pkcs1_sha256, pkcs1), true);
    assert.equal(check('rsa', SignatureScheme.rsa_pss_rsae_sha256, pkcs1), false);
    assert.equal(check('rsa', SignatureScheme.rsa_pkcs1_sha384, pkcs1), false);
  });

  test('Ed25519', () => {
    const sig = sign(null, data, certs.get('ed25519')!.key);
    assert.equal(check('ed25519', SignatureScheme.ed25519, sig), true);
  });

  test('bad signatures, key-type mismatches, unknown schemes and garbage return false', () => {
    const ok = sign('sha256', data, certs.get('p256')!.key);
    const flipped = new Uint8Array(ok);
    flipped[flipped.length - 1]! ^= 1;
    assert.equal(check('p256', SignatureScheme.ecdsa_secp256r1_sha256, flipped), false);
    assert.equal(p.verifySignature(SignatureScheme.ecdsa_secp256r1_sha256, certs.get('p256')!.der, utf8('other'), ok), false);
    assert.equal(check('rsa', SignatureScheme.ecdsa_secp256r1_sha256, ok), false);
    assert.equal(check('p256', SignatureScheme.ed25519, ok), false);
    assert.equal(check('ed25519', SignatureScheme.rsa_pss_rsae_sha256, ok), false);
    assert.equal(check('p256', SignatureScheme.rsa_pss_pss_sha256, ok), false);
    assert.equal(check('p256', 0x1234, ok), false);
    assert.equal(check('p256', SignatureScheme.ecdsa_secp256r1_sha256, new Uint8Array(0)), false);
    assert.equal(p.verifySignature(SignatureScheme.ecdsa_secp256r1_sha256, new Uint8Array([0x30, 0x03, 1, 2, 3]), data, ok), false);
    assert.equal(p.verifySignature(SignatureScheme.ed25519, new Uint8Array(0), data, ok), false);
  });
});

async function makeCertificate(kind: 'p256' | 'p384' | 'rsa' | 'ed25519'): Promise<{ der: Uint8Array; key: KeyObject }> {
  const pair = kind === 'p256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : kind === 'p384' ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
      : kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  const importAlg = kind === 'p256' ? { name: 'ECDSA', namedCurve: 'P-256' }
    : kind === 'p384' ? { name: 'ECDSA', namedCurve: 'P-384' }
      : kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
        : { name: 'Ed25519' };
  const signingAlgorithm = kind === 'p256' ? { name: 'ECDSA', hash: 'SHA-256' }
    : kind === 'p384' ? { name: 'ECDSA', hash: 'SHA-384' }
      : importAlg;
  const subtle = webcrypto.subtle;
  const privateKey = await subtle.importKey('pkcs8', pair.privateKey.export({ format: 'der', type: 'pkcs8' }), importAlg, false, ['sign']);
  const publicKey = await subtle.importKey('spki', pair.publicKey.export({ format: 'der', type: 'spki' }), importAlg, true, ['verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name: 'CN=localhost',
    notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2034-01-01T00:00:00Z'),
    keys: { privateKey, publicKey } as never, signingAlgorithm,
  });
  return { der: new Uint8Array(cert.rawData), key: pair.privateKey };
}
