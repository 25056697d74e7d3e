import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH, diffieHellman, generateKeyPairSync, createPublicKey } from 'node:crypto';
import { seededKeyShare, withSeededKeyShares } from '../../../src/testing/seeded-crypto.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
describe('seeded key shares', () => {
    for (const group of ['x25519', 'secp256r1', 'secp384r1']) {
        test(`${group}: deterministic per seed and both sides agree`, () => {
            const a1 = seededKeyShare(group, new SeededRandom(1));
            const a2 = seededKeyShare(group, new SeededRandom(1));
            const b = seededKeyShare(group, new SeededRandom(2));
            assert.deepEqual(a1.publicKey, a2.publicKey);
            assert.notDeepEqual(a1.publicKey, b.publicKey);
            assert.equal(a1.group, group);
            assert.deepEqual(a1.deriveSecret(b.publicKey), b.deriveSecret(a1.publicKey));
            assert.throws(() => a1.deriveSecret(new Uint8Array(5)));
        });
    }
    test('interoperates with node-generated keys', () => {
        const ours = seededKeyShare('secp256r1', new SeededRandom(3));
        const ecdh = createECDH('prime256v1');
        const theirPublic = new Uint8Array(ecdh.generateKeys());
        assert.deepEqual(ours.deriveSecret(theirPublic), new Uint8Array(ecdh.computeSecret(ours.publicKey)));
        const x = seededKeyShare('x25519', new SeededRandom(4));
        const { privateKey, publicKey } = generateKeyPairSync('x25519');
        const rawPub = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
        const peerKey = createPublicKey({
            key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), Buffer.from(x.publicKey)]), format: 'der', type: 'spki',
        });
        assert.deepEqual(x.deriveSecret(rawPub), new Uint8Array(diffieHellman({ privateKey, publicKey: peerKey })));
    });
    test('withSeededKeyShares delegates everything else to the base provider', () => {
        const calls = [];
        const base = new Proxy({}, {
            get: (_t, name) => (...args) => {
                calls.push(String(name));
                return args.length;
            },
        });
        const p = withSeededKeyShares(base, new SeededRandom(5));
        p.hash('sha256', new Uint8Array(1));
        p.hkdfExpand('sha256', new Uint8Array(1), new Uint8Array(1), 32);
        p.createAead('aes-128-gcm', new Uint8Array(16));
        p.verifySignature(0x0403, new Uint8Array(1), new Uint8Array(1), new Uint8Array(1));
        assert.deepEqual(calls, ['hash', 'hkdfExpand', 'createAead', 'verifySignature']);
        const share = p.generateKeyShare('x25519');
        assert.deepEqual(share.publicKey, seededKeyShare('x25519', new SeededRandom(5)).publicKey);
        assert.equal(calls.length, 4, 'key shares do not touch the base provider');
    });
});
//# sourceMappingURL=seeded-crypto.test.js.map