import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AckManager, EcnCodepoint, largestAckedInAcks } from '../../../../../src/proto/quic/recovery/ack-manager.js';
import { pkt } from './helpers.js';
const DELAY = 25_000;
const app = () => new AckManager(2, { maxAckDelay: DELAY });
const pairs = (f) => f?.ranges.map((r) => [r.smallest, r.largest]);
describe('AckManager: when to acknowledge (RFC 9000 §13.2.1)', () => {
    for (const space of [0, 1]) {
        test(`space ${space}: every ack-eliciting packet is acknowledged immediately`, () => {
            const m = new AckManager(space, { maxAckDelay: DELAY });
            m.onPacketReceived(0, true, 100);
            assert.equal(m.ackDeadline(), 100);
            assert.equal(m.wantsAck(100), true);
        });
    }
    test('application space: the first ack-eliciting packet waits up to max_ack_delay, the second triggers an ACK', () => {
        const m = app();
        m.onPacketReceived(0, true, 1000);
        assert.equal(m.ackDeadline(), 1000 + DELAY);
        assert.equal(m.wantsAck(1000), false);
        assert.equal(m.hasPendingAck(), true);
        assert.equal(m.wantsAck(1000 + DELAY), true);
        m.onPacketReceived(1, true, 2000);
        assert.equal(m.ackDeadline(), 2000);
        assert.equal(m.wantsAck(2000), true);
        m.onAckSent();
        assert.equal(m.ackDeadline(), undefined);
        assert.equal(m.hasPendingAck(), false);
        m.onPacketReceived(2, true, 3000);
        assert.equal(m.ackDeadline(), 3000 + DELAY);
    });
    test('a custom threshold', () => {
        const m = new AckManager(2, { maxAckDelay: DELAY, ackElicitingThreshold: 3 });
        m.onPacketReceived(0, true, 0);
        m.onPacketReceived(1, true, 0);
        assert.equal(m.ackDeadline(), DELAY);
        m.onPacketReceived(2, true, 0);
        assert.equal(m.ackDeadline(), 0);
    });
    test('non-ack-eliciting packets never arm the deadline but are reported', () => {
        const m = app();
        m.onPacketReceived(0, false, 0);
        m.onPacketReceived(1, false, 0);
        assert.equal(m.ackDeadline(), undefined);
        assert.equal(m.wantsAck(1_000_000), false);
        assert.equal(m.hasNewPackets(), true);
        assert.deepEqual(pairs(m.buildAck(0, 3)), [[0, 1]]);
    });
    test('a gap before a new packet triggers an immediate ACK', () => {
        const m = app();
        m.onPacketReceived(0, true, 0);
        m.onAckSent();
        m.onPacketReceived(2, true, 10);
        assert.equal(m.ackDeadline(), 10);
    });
    test('a packet older than the largest ack-eliciting one triggers an immediate ACK', () => {
        const m = app();
        m.onPacketReceived(0, true, 0);
        m.onPacketReceived(2, true, 0);
        m.onAckSent();
        m.onPacketReceived(1, true, 20);
        assert.equal(m.ackDeadline(), 20);
    });
    test('in-order packets after non-ack-eliciting ones are not a gap', () => {
        const m = app();
        m.onPacketReceived(0, true, 0);
        m.onAckSent();
        m.onPacketReceived(1, false, 0);
        m.onPacketReceived(2, true, 30);
        assert.equal(m.ackDeadline(), 30 + DELAY);
    });
    test('a CE-marked packet is acknowledged immediately', () => {
        const m = app();
        m.onPacketReceived(0, true, 5, EcnCodepoint.CE);
        assert.equal(m.ackDeadline(), 5);
    });
});
describe('AckManager: duplicates and ranges', () => {
    test('duplicates are detected and ignored', () => {
        const m = app();
        assert.equal(m.isDuplicate(0), false);
        m.onPacketReceived(0, true, 0);
        assert.equal(m.isDuplicate(0), true);
        m.onAckSent();
        m.onPacketReceived(0, true, 0);
        assert.equal(m.ackDeadline(), undefined);
        assert.equal(m.hasPendingAck(), false);
    });
    test('ranges come out descending with gaps, and merge when the gap fills', () => {
        const m = app();
        for (const pn of [0, 1, 2, 5, 6, 9])
            m.onPacketReceived(pn, false, 0);
        assert.deepEqual(pairs(m.buildAck(0, 3)), [[9, 9], [5, 6], [0, 2]]);
        m.onPacketReceived(4, false, 0);
        m.onPacketReceived(3, false, 0);
        assert.deepEqual(pairs(m.buildAck(0, 3)), [[9, 9], [0, 6]]);
        m.onPacketReceived(8, false, 0);
        m.onPacketReceived(7, false, 0);
        assert.deepEqual(pairs(m.buildAck(0, 3)), [[0, 9]]);
        assert.equal(m.largestReceived, 9);
        for (const pn of [0, 3, 9])
            assert.equal(m.isDuplicate(pn), true);
        assert.equal(m.isDuplicate(10), false);
    });
    test('out-of-order arrival far below the newest range', () => {
        const m = app();
        for (const pn of [10, 20, 30, 15, 25, 5])
            m.onPacketReceived(pn, false, 0);
        assert.deepEqual(pairs(m.buildAck(0, 0)), [[30, 30], [25, 25], [20, 20], [15, 15], [10, 10], [5, 5]]);
        assert.equal(m.isDuplicate(16), false);
        assert.equal(m.isDuplicate(25), true);
    });
    test('ack delay is the time since the largest packet arrived, scaled by the exponent; 0 outside app space', () => {
        const m = app();
        m.onPacketReceived(0, true, 1000);
        assert.equal(m.buildAck(9000, 3)?.ackDelay, 1000);
        assert.equal(m.buildAck(9000, 0)?.ackDelay, 8000);
        const h = new AckManager(1, { maxAckDelay: DELAY });
        h.onPacketReceived(0, true, 1000);
        assert.equal(h.buildAck(9000, 3)?.ackDelay, 0);
        assert.equal(new AckManager(0, { maxAckDelay: 0 }).buildAck(0, 3), undefined);
    });
    test('an acknowledged ACK prunes ranges up to its Largest Acknowledged; older packets become duplicates', () => {
        const m = app();
        for (const pn of [0, 1, 2, 5, 6, 9])
            m.onPacketReceived(pn, false, 0);
        m.onAckOfAckReceived(5);
        assert.deepEqual(pairs(m.buildAck(0, 3)), [[9, 9], [6, 6]]);
        assert.equal(m.isDuplicate(3), true);
        assert.equal(m.isDuplicate(7), false);
        m.onAckOfAckReceived(4); // stale: no effect
        assert.deepEqual(pairs(m.buildAck(0, 3)), [[9, 9], [6, 6]]);
        m.onAckOfAckReceived(9);
        assert.equal(m.buildAck(0, 3), undefined);
        assert.equal(m.largestReceived, 9);
        // The next packet is in order relative to the floor: not a gap.
        m.onPacketReceived(10, true, 0);
        m.onAckSent();
        m.onPacketReceived(11, true, 50);
        assert.equal(m.ackDeadline(), 50 + DELAY);
    });
    test('range count is bounded: ACKs carry the newest 64, memory keeps 256, older ones become duplicates', () => {
        const m = app();
        for (let i = 0; i <= 300; i++)
            m.onPacketReceived(2 * i, false, 0);
        assert.equal(m.rangeCount(), 256);
        const f = m.buildAck(0, 3);
        assert.equal(f.ranges.length, 64);
        assert.equal(f.ranges[0].largest, 600);
        assert.equal(f.ranges[63].smallest, 600 - 2 * 63);
        assert.equal(m.isDuplicate(0), true); // forgotten: counts as seen
        assert.equal(m.isDuplicate(1), true);
        assert.equal(m.isDuplicate(599), false);
    });
    test('ECN counts are reported once a marked packet arrives', () => {
        const m = app();
        m.onPacketReceived(0, false, 0);
        assert.equal(m.buildAck(0, 3)?.ecn, undefined);
        m.onPacketReceived(1, false, 0, EcnCodepoint.ECT0);
        m.onPacketReceived(2, false, 0, EcnCodepoint.ECT1);
        m.onPacketReceived(3, false, 0, EcnCodepoint.CE);
        m.onPacketReceived(3, false, 0, EcnCodepoint.CE); // duplicate: not counted
        m.onPacketReceived(4, false, 0, EcnCodepoint.NOT_ECT);
        assert.deepEqual(m.buildAck(0, 3)?.ecn, { ect0: 1, ect1: 1, ce: 1 });
    });
});
test('largestAckedInAcks picks the largest ACK carried by acknowledged packets', () => {
    const a = { ...pkt(2, 0, 0), largestAckedInAck: 7 };
    const b = { ...pkt(2, 1, 0), largestAckedInAck: 12 };
    assert.equal(largestAckedInAcks([a, pkt(2, 2, 0), b]), 12);
    assert.equal(largestAckedInAcks([pkt(2, 3, 0)]), undefined);
});
//# sourceMappingURL=ack-manager.test.js.map