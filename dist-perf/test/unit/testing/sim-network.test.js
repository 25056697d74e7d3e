import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SimNetwork, addressKey } from '../../../src/testing/sim-network.js';
const A = { address: '127.0.0.1', port: 1000 };
const B = { address: '127.0.0.1', port: 2000 };
const C = { address: '::1', port: 3000 };
function net(seed = 1) {
    const n = new SimNetwork({ seed, defaultLink: { latencyMs: 10 } });
    n.addNode('a', A);
    n.addNode('b', B);
    n.addNode('c', C);
    return n;
}
describe('SimNetwork', () => {
    test('delivers in (deliverAt, seq) order with sender and receiver addresses', () => {
        const n = net();
        n.link('c', 'b').configure({ latencyMs: 5 });
        n.send(A, B, Uint8Array.of(1), 0);
        n.send(A, B, Uint8Array.of(2), 0); // same time as 1: keeps send order
        n.send(C, B, Uint8Array.of(3), 5_000); // arrives at 10 ms too, but was queued later
        n.send(C, B, Uint8Array.of(4), 0); // arrives first at 5 ms
        assert.equal(n.inFlight, 4);
        assert.equal(n.nextDeliveryTime(), 5_000);
        assert.deepEqual(n.deliverDue(4_999), []);
        const got = n.deliverDue(10_000);
        assert.deepEqual(got.map((d) => d.data[0]), [4, 1, 2, 3]);
        assert.deepEqual(got.map((d) => d.deliverAt), [5_000, 10_000, 10_000, 10_000]);
        assert.deepEqual(got[0].from, C);
        assert.deepEqual(got[0].to, B);
        assert.equal(got[0].direction, 'c->b');
        assert.equal(got[1].fromNode, 'a');
        assert.equal(got[1].toNode, 'b');
        assert.equal(n.nextDeliveryTime(), undefined);
    });
    test('copies on send: the sender may reuse its buffer', () => {
        const n = net();
        const buf = Uint8Array.of(1, 2, 3, 4);
        n.send(A, B, buf.subarray(1, 3), 0);
        buf.fill(9);
        const [d] = n.deliverDue(1_000_000);
        assert.deepEqual(d.data, Uint8Array.of(2, 3));
    });
    test('per-direction counters', () => {
        const n = net();
        n.link('a', 'b').configure({ mtu: 100, duplicateRate: 1 });
        n.link('b', 'a').configure({ corruptRate: 1 });
        n.send(A, B, new Uint8Array(50), 0);
        n.send(A, B, new Uint8Array(150), 0);
        n.send(B, A, new Uint8Array(10), 0);
        n.deliverDue(1_000_000);
        const ab = n.stats('a', 'b');
        assert.equal(ab.sent, 2);
        assert.equal(ab.dropped, 1);
        assert.equal(ab.droppedMtu, 1);
        assert.equal(ab.duplicated, 1);
        assert.equal(ab.delivered, 2);
        assert.equal(ab.bytesDelivered, 100);
        const ba = n.stats('b', 'a');
        assert.equal(ba.corrupted, 1);
        assert.equal(ba.delivered, 1);
    });
    test('unknown destinations are counted, unknown sources throw', () => {
        const n = net();
        n.send(A, { address: '127.0.0.1', port: 9 }, new Uint8Array(1), 0);
        assert.equal(n.unroutable, 1);
        assert.equal(n.inFlight, 0);
        assert.throws(() => n.send({ address: '127.0.0.9', port: 1 }, A, new Uint8Array(1), 0));
        assert.throws(() => n.addNode('a', { address: '127.0.0.1', port: 5 }));
        assert.throws(() => n.addNode('d', A));
    });
    test('network-wide dropWhere applies to existing and future links, and can be removed', () => {
        const n = net();
        n.link('a', 'b');
        const remove = n.dropWhere((p) => p[0] === 0xff);
        n.send(A, B, Uint8Array.of(0xff), 0);
        n.send(C, A, Uint8Array.of(0xff), 0); // link created after the filter
        n.send(C, A, Uint8Array.of(1), 0);
        assert.deepEqual(n.deliverDue(1e9).map((d) => d.data[0]), [1]);
        remove();
        n.send(A, B, Uint8Array.of(0xff), 0);
        n.send(C, A, Uint8Array.of(0xff), 0);
        assert.equal(n.deliverDue(1e9).length, 2);
    });
    test('rebind changes the source peers see, and the old address stops routing', () => {
        const n = net();
        const nat = { address: '127.0.0.1', port: 1001 };
        n.rebind('a', nat);
        n.send(A, B, Uint8Array.of(1), 0); // the endpoint still sends from its bound address
        const [d] = n.deliverDue(1e9);
        assert.deepEqual(d.from, nat);
        n.send(B, A, Uint8Array.of(2), 0);
        assert.equal(n.unroutable, 1);
        n.send(B, nat, Uint8Array.of(3), 0);
        const [back] = n.deliverDue(1e9);
        assert.deepEqual(back.to, A, 'delivered to the bound address of the rebound node');
        assert.equal(back.toNode, 'a');
    });
    test('observers see sends and deliveries; clearInFlight empties the wire', () => {
        const n = net();
        const log = [];
        const stop = n.observe({
            onSend: (t, dir, data) => log.push(`send ${dir} ${t} ${data.length}`),
            onDeliver: (d) => log.push(`deliver ${d.direction} ${d.deliverAt}`),
        });
        n.send(A, B, new Uint8Array(3), 0);
        n.deliverDue(1e9);
        n.send(A, B, new Uint8Array(3), 0);
        assert.equal(n.clearInFlight(), 1);
        stop();
        n.send(A, B, new Uint8Array(3), 0);
        assert.deepEqual(log, ['send a->b 0 3', 'deliver a->b 10000', 'send a->b 0 3']);
    });
    test('addressKey brackets IPv6', () => {
        assert.equal(addressKey(A), '127.0.0.1:1000');
        assert.equal(addressKey(C), '[::1]:3000');
    });
});
//# sourceMappingURL=sim-network.test.js.map