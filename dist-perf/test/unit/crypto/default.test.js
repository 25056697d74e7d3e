import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCryptoProvider, nodeRandomSource } from '../../../src/crypto/default.js';
import { nodeCryptoProvider } from '../../../src/crypto/node-provider.js';
test('defaultCryptoProvider is the node:crypto provider', () => {
    assert.equal(defaultCryptoProvider(), nodeCryptoProvider);
});
test('nodeRandomSource fills the given array in place and returns it', () => {
    const a = new Uint8Array(64);
    assert.equal(nodeRandomSource.fill(a), a);
    const b = nodeRandomSource.fill(new Uint8Array(64));
    assert.ok(a.some((x) => x !== 0));
    assert.notDeepEqual(a, b);
    const view = new Uint8Array(32).subarray(8, 16);
    nodeRandomSource.fill(view);
    assert.equal(view.length, 8);
});
//# sourceMappingURL=default.test.js.map