import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SimLink } from '../../../src/testing/sim-link.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
/** Sends `count` packets of `size` bytes, one every `gapUs`, and collects arrivals. */
function run(config, count, size = 100, gapUs = 1_000, seed = 1) {
    const link = new SimLink('a->b', new SeededRandom(seed), config);
    const arrivals = [];
    for (let i = 0; i < count; i++) {
        const data = new Uint8Array(size);
        data[0] = i & 0xff;
        data[1] = (i >> 8) & 0xff;
        link.transmit(data, i * gapUs, (at, d) => arrivals.push({ at, data: d }));
    }
    return { link, arrivals };
}
describe('SimLink', () => {
    test('no impairments: every packet after exactly the latency', () => {
        const { link, arrivals } = run({ latencyMs: 25 }, 100);
        assert.equal(arrivals.length, 100);
        arrivals.forEach((a, i) => assert.equal(a.at, i * 1_000 + 25_000));
        assert.equal(link.stats.sent, 100);
        assert.equal(link.stats.dropped, 0);
    });
    test('5 % Bernoulli loss over 10 000 packets drops between 4 % and 6 %', () => {
        const { link, arrivals } = run({ lossRate: 0.05 }, 10_000, 20);
        const lost = 10_000 - arrivals.length;
        assert.ok(lost >= 400 && lost <= 600, `lost ${lost}`);
        assert.equal(link.stats.droppedLoss, lost);
        assert.equal(link.stats.dropped, lost);
    });
    test('Gilbert-Elliott loss comes in bursts with the configured average', () => {
        // Stationary bad-state share = p / (p + r) = 0.01 / 0.21 ≈ 4.8 %, mean burst 1 / r = 5 packets.
        const { link } = run({ gilbertElliott: { pGoodToBad: 0.01, pBadToGood: 0.2 } }, 20_000, 20);
        const lossRate = link.stats.droppedLoss / 20_000;
        assert.ok(lossRate > 0.03 && lossRate < 0.07, `loss ${lossRate}`);
        // Count bursts: consecutive losses are far more frequent than under Bernoulli loss.
        const l2 = new SimLink('x', new SeededRandom(1), { gilbertElliott: { pGoodToBad: 0.01, pBadToGood: 0.2 } });
        let bursts = 0, losses = 0, prevLost = false;
        for (let i = 0; i < 20_000; i++) {
            let got = false;
            l2.transmit(new Uint8Array(1), i, () => { got = true; });
            if (!got) {
                losses++;
                if (!prevLost)
                    bursts++;
            }
            prevLost = !got;
        }
        const meanBurst = losses / bursts;
        assert.ok(meanBurst > 3 && meanBurst < 7.5, `mean burst ${meanBurst}`);
    });
    test('jitter stays within bounds and reorders', () => {
        const { arrivals } = run({ latencyMs: 20, jitterMs: 10 }, 2_000, 50, 500);
        const sentAt = (a) => (a.data[0] | (a.data[1] << 8)) * 500;
        for (const a of arrivals) {
            const delay = a.at - sentAt(a);
            assert.ok(delay >= 10_000 && delay <= 30_000, `delay ${delay}`);
        }
        const byArrival = arrivals.slice().sort((x, y) => x.at - y.at);
        let reordered = 0;
        for (let i = 1; i < byArrival.length; i++)
            if (sentAt(byArrival[i]) < sentAt(byArrival[i - 1]))
                reordered++;
        assert.ok(reordered > 100, `reordered ${reordered}`);
    });
    test('reorderRate holds back about that fraction by reorderDelayMs', () => {
        const { arrivals } = run({ latencyMs: 10, reorderRate: 0.1, reorderDelayMs: 50 }, 5_000);
        const held = arrivals.filter((a) => a.at - (a.data[0] | (a.data[1] << 8)) * 1_000 === 60_000).length;
        const normal = arrivals.filter((a) => a.at - (a.data[0] | (a.data[1] << 8)) * 1_000 === 10_000).length;
        assert.equal(held + normal, 5_000);
        assert.ok(held > 400 && held < 600, `held ${held}`);
    });
    test('duplication delivers a separate copy of the same bytes', () => {
        const { link, arrivals } = run({ duplicateRate: 0.2 }, 5_000);
        const dups = arrivals.length - 5_000;
        assert.equal(dups, link.stats.duplicated);
        assert.ok(dups > 850 && dups < 1150, `dups ${dups}`);
        const byId = new Map();
        for (const a of arrivals) {
            const id = a.data[0] | (a.data[1] << 8);
            byId.set(id, [...(byId.get(id) ?? []), a.data]);
        }
        const pair = [...byId.values()].find((v) => v.length === 2);
        assert.deepEqual(pair[0], pair[1]);
        assert.notEqual(pair[0].buffer, pair[1].buffer, 'copies must not share memory');
    });
    test('corruption flips exactly one byte, in a copy', () => {
        const link = new SimLink('a->b', new SeededRandom(9), { corruptRate: 1 });
        for (let i = 0; i < 500; i++) {
            const original = new SeededRandom(i).fill(new Uint8Array(1 + (i % 1300)));
            const sent = original.slice();
            let got;
            link.transmit(sent, 0, (_t, d) => { got = d; });
            let diffs = 0;
            for (let j = 0; j < original.length; j++)
                if (got[j] !== original[j])
                    diffs++;
            assert.equal(diffs, 1);
            assert.deepEqual(sent, original, 'the input is not modified');
        }
        assert.equal(link.stats.corrupted, 500);
    });
    test('MTU drops larger datagrams only', () => {
        const link = new SimLink('a->b', new SeededRandom(1), { mtu: 1200 });
        const delivered = [];
        for (const size of [1199, 1200, 1201, 1500, 10])
            link.transmit(new Uint8Array(size), 0, (_t, d) => delivered.push(d.length));
        assert.deepEqual(delivered, [1199, 1200, 10]);
        assert.equal(link.stats.droppedMtu, 2);
    });
    test('bandwidth serialises packets and the queue tail-drops', () => {
        // 8 Mbit/s = 1 byte/µs: a 1000-byte packet takes 1000 µs; queue of 3000 bytes.
        const link = new SimLink('a->b', new SeededRandom(1), { latencyMs: 0, bandwidthBps: 8_000_000, queueBytes: 3_000 });
        const times = [];
        for (let i = 0; i < 10; i++)
            link.transmit(new Uint8Array(1000), 0, (t) => times.push(t));
        assert.deepEqual(times, [1000, 2000, 3000]);
        assert.equal(link.stats.droppedQueue, 7);
        // Once the queue drains, packets flow again.
        link.transmit(new Uint8Array(1000), 3_000, (t) => times.push(t));
        assert.deepEqual(times, [1000, 2000, 3000, 4000]);
    });
    test('blackhole windows and filters drop; filters see direction and index', () => {
        const link = new SimLink('client->server', new SeededRandom(1));
        link.blackhole(10_000, 20_000);
        const seen = [];
        const remove = link.dropWhere((pkt, dir, index) => {
            seen.push(`${dir}#${index}`);
            return index === 1 || pkt[0] === 0xee;
        });
        const arrived = [];
        const send = (tag, now) => link.transmit(Uint8Array.of(tag), now, (_t, d) => arrived.push(d[0]));
        send(0, 0);
        send(1, 0); // index 1: filtered
        send(0xee, 0); // by content
        send(3, 15_000); // blackhole
        send(4, 20_000); // window over
        remove();
        send(0xee, 21_000);
        assert.deepEqual(arrived, [0, 4, 0xee]);
        assert.equal(link.stats.droppedFilter, 2);
        assert.equal(link.stats.droppedBlackhole, 1);
        assert.deepEqual(seen, ['client->server#0', 'client->server#1', 'client->server#2', 'client->server#4']);
    });
    test('delayWhere adds delay to matching packets', () => {
        const link = new SimLink('a->b', new SeededRandom(1), { latencyMs: 5 });
        link.delayWhere((_p, _d, i) => i === 0, 100);
        const times = [];
        link.transmit(new Uint8Array(1), 0, (t) => times.push(t));
        link.transmit(new Uint8Array(1), 0, (t) => times.push(t));
        assert.deepEqual(times, [105_000, 5_000]);
    });
    test('same seed, same decisions; invalid config rejected', () => {
        const cfg = { lossRate: 0.1, jitterMs: 5, duplicateRate: 0.05, corruptRate: 0.05 };
        const a = run(cfg, 1_000, 64, 1_000, 3).arrivals.map((x) => [x.at, ...x.data]);
        const b = run(cfg, 1_000, 64, 1_000, 3).arrivals.map((x) => [x.at, ...x.data]);
        const c = run(cfg, 1_000, 64, 1_000, 4).arrivals.map((x) => [x.at, ...x.data]);
        assert.deepEqual(a, b);
        assert.notDeepEqual(a, c);
        assert.throws(() => new SimLink('x', new SeededRandom(1), { lossRate: 1.5 }), RangeError);
        assert.throws(() => new SimLink('x', new SeededRandom(1), { latencyMs: -1 }), RangeError);
    });
});
//# sourceMappingURL=sim-link.test.js.map