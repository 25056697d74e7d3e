/**
 * Micro-benchmark of per-packet crypto on node:crypto: AEAD seal/open and header protection for a
 * 1200-byte packet, per suite. Not a test. Run after compiling: node <outDir>/bench/micro-crypto.js
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { nodeCryptoProvider } from '../src/crypto/node-provider.js';
import { CIPHER_SUITES } from '../src/proto/crypto/cipher-suites.js';
const ITERATIONS = 20_000;
const SIZE = 1200;
function perOp(fn) {
    for (let i = 0; i < 1000; i++)
        fn(); // warm up
    const t = performance.now();
    for (let i = 0; i < ITERATIONS; i++)
        fn();
    return (((performance.now() - t) * 1000) / ITERATIONS).toFixed(2);
}
for (const suite of Object.values(CIPHER_SUITES)) {
    const aead = nodeCryptoProvider.createAead(suite.aead, randomBytes(suite.keyLength));
    const hp = nodeCryptoProvider.createHeaderProtection(suite.aead, randomBytes(suite.keyLength));
    const nonce = randomBytes(12), aad = randomBytes(20), sample = randomBytes(16);
    const plaintext = new Uint8Array(randomBytes(SIZE - 20 - 16));
    const out = new Uint8Array(SIZE);
    const sealedLength = aead.seal(nonce, aad, plaintext, out, 0);
    const sealed = out.slice(0, sealedLength);
    const seal = perOp(() => aead.seal(nonce, aad, plaintext, out, 0));
    const open = perOp(() => aead.open(nonce, aad, sealed));
    const mask = perOp(() => hp.mask(sample));
    console.log(`${suite.name.padEnd(30)} seal ${seal} µs  open ${open} µs  hp ${mask} µs  (per ${SIZE}-byte packet)`);
}
//# sourceMappingURL=micro-crypto.js.map