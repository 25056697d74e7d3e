import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Fnv1a64, Transcript } from '../../../src/testing/transcript.js';
import { SimNetwork } from '../../../src/testing/sim-network.js';
function fnv(s) {
    const f = new Fnv1a64();
    f.bytes(new TextEncoder().encode(s));
    return f.hex();
}
/** A busy impaired exchange whose transcript depends on every random decision. */
function scenario(seed) {
    const n = new SimNetwork({ seed, defaultLink: { latencyMs: 20, jitterMs: 10, lossRate: 0.05, duplicateRate: 0.02, corruptRate: 0.02 } });
    const a = { address: '127.0.0.1', port: 1 };
    const b = { address: '127.0.0.1', port: 2 };
    n.addNode('a', a);
    n.addNode('b', b);
    const t = new Transcript();
    t.attach(n);
    const buf = new Uint8Array(1200);
    for (let i = 0; i < 300; i++) {
        buf.fill(i & 0xff);
        n.send(a, b, buf.subarray(0, 100 + i), i * 1_000);
        n.send(b, a, buf.subarray(0, 50), i * 1_000 + 500);
        n.deliverDue(i * 1_000);
    }
    n.deliverDue(1e9);
    return t;
}
describe('Fnv1a64', () => {
    test('official FNV-1a 64 vectors', () => {
        assert.equal(fnv(''), 'cbf29ce484222325');
        assert.equal(fnv('a'), 'af63dc4c8601ec8c');
        assert.equal(fnv('foobar'), '85944171f73967e8');
    });
});
describe('Transcript', () => {
    test('same seed -> identical hash; different seed -> different hash', () => {
        const h1 = scenario(42);
        const h2 = scenario(42);
        const h3 = scenario(43);
        assert.equal(h1.hash(), h2.hash());
        assert.equal(h1.count, h2.count);
        assert.notEqual(h1.hash(), h3.hash());
        assert.match(h1.hash(), /^[0-9a-f]{16}$/);
    });
    test('records kind, time, direction and length; bytes on request', () => {
        const t = new Transcript({ keepBytes: true });
        t.record('send', 5, 'x->y', Uint8Array.of(1, 2));
        assert.deepEqual(t.entries, [{ kind: 'send', time: 5, direction: 'x->y', length: 2, bytes: Uint8Array.of(1, 2) }]);
        const u = new Transcript();
        u.record('send', 5, 'x->y', Uint8Array.of(1, 2));
        assert.equal(u.entries[0].bytes, undefined);
        assert.equal(u.hash(), t.hash());
        const v = new Transcript();
        v.record('send', 6, 'x->y', Uint8Array.of(1, 2));
        assert.notEqual(v.hash(), t.hash(), 'time is part of the hash');
    });
    test('sendsOnly ignores deliveries', () => {
        const n = new SimNetwork({ seed: 1 });
        n.addNode('a', { address: '127.0.0.1', port: 1 });
        n.addNode('b', { address: '127.0.0.1', port: 2 });
        const t = new Transcript({ sendsOnly: true });
        t.attach(n);
        n.send({ address: '127.0.0.1', port: 1 }, { address: '127.0.0.1', port: 2 }, new Uint8Array(4), 0);
        n.deliverDue(1e9);
        assert.deepEqual(t.entries.map((e) => e.kind), ['send']);
    });
});
//# sourceMappingURL=transcript.test.js.map