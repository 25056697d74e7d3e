import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SLOT_ACKED, SLOT_LOST, SentPacketStore } from '../../../../../src/proto/quic/recovery/sent-packets.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
import { pkt, pns } from './helpers.js';
describe('SentPacketStore', () => {
    test('tracks outstanding and ack-eliciting counts and the last ack-eliciting send time', () => {
        const s = new SentPacketStore();
        s.insert(pkt(2, 0, 10));
        s.insert(pkt(2, 1, 20, { ackEliciting: false }));
        s.insert(pkt(2, 2, 30));
        assert.equal(s.size, 3);
        assert.equal(s.ackElicitingInFlight, 2);
        assert.equal(s.timeOfLastAckEliciting, 30);
        assert.equal(s.largestSent, 2);
        assert.equal(s.get(1)?.pn, 1);
    });
    test('ackRange removes exactly the outstanding packets in range, ascending, and compacts the front', () => {
        const s = new SentPacketStore();
        for (let pn = 0; pn < 10; pn++)
            s.insert(pkt(2, pn, pn));
        const out = [];
        s.ackRange(3, 5, out);
        s.ackRange(0, 1, out);
        assert.deepEqual(pns(out), [3, 4, 5, 0, 1]);
        assert.equal(s.slot(4), SLOT_ACKED);
        s.compact();
        assert.equal(s.firstPn, 2);
        assert.equal(s.size, 5);
        // Acking the same range again is a no-op; a peer-claimed huge range costs only the window.
        const again = [];
        s.ackRange(0, 5, again);
        assert.deepEqual(pns(again), [2]);
        s.ackRange(0, 2 ** 40, again);
        assert.deepEqual(pns(again), [2, 6, 7, 8, 9]);
        s.compact();
        assert.equal(s.size, 0);
        assert.equal(s.ackElicitingInFlight, 0);
        assert.equal(s.timeOfLastAckEliciting, undefined);
    });
    test('markLost leaves a marker and compaction skips it', () => {
        const s = new SentPacketStore();
        for (let pn = 0; pn < 3; pn++)
            s.insert(pkt(2, pn, pn));
        s.markLost(s.get(0));
        assert.equal(s.slot(0), SLOT_LOST);
        s.compact();
        assert.equal(s.firstPn, 1);
        assert.equal(s.size, 2);
    });
    test('validateAckRange rejects unsent and skipped packet numbers with PROTOCOL_VIOLATION', () => {
        const s = new SentPacketStore();
        const violation = (e) => e instanceof TransportError && e.code === TransportErrorCode.PROTOCOL_VIOLATION;
        assert.throws(() => s.validateAckRange(0, 0), violation);
        s.insert(pkt(2, 0, 0));
        s.insert(pkt(2, 2, 0)); // pn 1 skipped
        assert.throws(() => s.validateAckRange(3, 3), violation);
        assert.throws(() => s.validateAckRange(0, 2), violation);
        s.validateAckRange(2, 2);
        s.validateAckRange(0, 0);
    });
    test('stays compact over a long run of in-order acks', () => {
        const s = new SentPacketStore();
        const out = [];
        for (let pn = 0; pn < 5000; pn++) {
            s.insert(pkt(2, pn, pn));
            if (pn >= 10) {
                s.ackRange(pn - 10, pn - 10, out);
                s.compact();
            }
        }
        assert.equal(s.size, 10);
        assert.equal(s.firstPn, 4990);
        assert.equal(s.endPn, 5000);
        assert.equal(out.length, 4990);
    });
    test('drain returns every outstanding packet and resets the counters', () => {
        const s = new SentPacketStore();
        for (let pn = 0; pn < 4; pn++)
            s.insert(pkt(0, pn, pn));
        s.ackRange(1, 1, []);
        assert.deepEqual(pns(s.drain()), [0, 2, 3]);
        assert.equal(s.size, 0);
        assert.equal(s.ackElicitingInFlight, 0);
        s.insert(pkt(0, 4, 10));
        assert.equal(s.firstPn, 4);
    });
});
//# sourceMappingURL=sent-packets.test.js.map