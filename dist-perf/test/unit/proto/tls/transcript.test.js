import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { nodeCryptoProvider as crypto } from '../../../../src/crypto/node-provider.js';
import { Transcript } from '../../../../src/proto/tls/transcript.js';
import { toHex } from '../../../../src/proto/util/bytes.js';
const sha = (alg, ...parts) => { const h = createHash(alg); for (const p of parts)
    h.update(p); return h.digest('hex'); };
describe('Transcript', () => {
    test('messages before the hash is chosen are hashed once it is', () => {
        const t = new Transcript(crypto);
        const a = new Uint8Array([1, 2]), b = new Uint8Array([3]);
        t.add(a);
        assert.equal(toHex(t.digestWith('sha384', b)), sha('sha384', a, b));
        t.setHash('sha384');
        t.add(b);
        assert.equal(toHex(t.digest()), sha('sha384', a, b));
        assert.equal(toHex(t.digestWith('sha384', a)), sha('sha384', a, b, a));
        assert.equal(toHex(t.digest()), sha('sha384', a, b));
    });
    test('message_hash replacement after HelloRetryRequest (RFC 8446 §4.4.1)', () => {
        const t = new Transcript(crypto);
        const ch1 = new Uint8Array([1, 0, 0, 1, 9]);
        t.setHash('sha256');
        t.add(ch1);
        t.replaceWithMessageHash();
        const inner = createHash('sha256').update(ch1).digest();
        assert.equal(toHex(t.digest()), sha('sha256', new Uint8Array([254, 0, 0, 32]), inner));
    });
});
//# sourceMappingURL=transcript.test.js.map