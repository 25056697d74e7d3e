import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LossDetection } from '../../../../../src/proto/quic/recovery/loss-detection.js';
import { RttEstimator } from '../../../../../src/proto/quic/recovery/rtt.js';
import { NewReno } from '../../../../../src/proto/quic/recovery/congestion/new-reno.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
import { ack, pkt, pns } from './helpers.js';
const MAX_ACK_DELAY = 25_000;
function setup(isServer = true) {
    const rtt = new RttEstimator();
    const cc = new NewReno({ maxDatagramSize: 1200 });
    const ld = new LossDetection({ rtt, cc, isServer, maxAckDelay: MAX_ACK_DELAY });
    return { rtt, cc, ld };
}
const serverConfirmed = { handshakeConfirmed: true, peerAddressValidated: true, hasHandshakeKeys: true, isServer: true };
describe('LossDetection: acknowledgements', () => {
    test('newly acked packets come back ascending, RTT is sampled from the largest', () => {
        const { ld, rtt, cc } = setup();
        for (let pn = 0; pn < 4; pn++)
            ld.onPacketSent(pkt(2, pn, 0), 0);
        assert.equal(cc.bytesInFlight, 4800);
        const r = ld.onAckReceived(2, ack([2, 3], [0, 1]), 0, 50_000, true);
        assert.deepEqual(pns(r.newlyAcked), [0, 1, 2, 3]);
        assert.deepEqual(r.lost, []);
        assert.equal(r.rttUpdated, true);
        assert.equal(rtt.latestRtt, 50_000);
        assert.equal(ld.largestAcked(2), 3);
        assert.equal(cc.bytesInFlight, 0);
        assert.equal(ld.inFlightAckEliciting(2), 0);
    });
    test('no RTT sample when the largest acked was acked before or only non-ack-eliciting packets are newly acked', () => {
        const { ld, rtt } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        ld.onPacketSent(pkt(2, 1, 0, { ackEliciting: false }), 0);
        ld.onPacketSent(pkt(2, 2, 0), 0);
        assert.equal(ld.onAckReceived(2, ack([1, 1]), 0, 10_000, true).rttUpdated, false);
        assert.equal(rtt.hasSample, false);
        ld.onAckReceived(2, ack([2, 2]), 0, 20_000, true);
        assert.equal(rtt.latestRtt, 20_000);
        // A duplicate ACK acknowledges nothing new.
        const dup = ld.onAckReceived(2, ack([1, 2]), 0, 30_000, true);
        assert.deepEqual([dup.newlyAcked.length, dup.rttUpdated], [0, false]);
    });
    test('ack delay is ignored in the Initial space and used in the others', () => {
        const a = setup();
        a.ld.onPacketSent(pkt(0, 0, 0), 0);
        a.ld.onPacketSent(pkt(0, 1, 100_000), 100_000);
        a.ld.onAckReceived(0, ack([0, 0]), 0, 100_000, false);
        a.ld.onAckReceived(0, ack([1, 1]), 20_000, 220_000, false);
        assert.equal(a.rtt.smoothedRtt, 102_500); // (7*100000 + 120000) / 8: no delay subtracted
        const b = setup();
        b.ld.onPacketSent(pkt(1, 0, 0), 0);
        b.ld.onPacketSent(pkt(1, 1, 100_000), 100_000);
        b.ld.onAckReceived(1, ack([0, 0]), 0, 100_000, false);
        b.ld.onAckReceived(1, ack([1, 1]), 20_000, 220_000, false);
        assert.equal(b.rtt.smoothedRtt, 100_000); // 120000 - 20000
    });
    test('acking a packet number never sent is a PROTOCOL_VIOLATION and changes nothing', () => {
        const { ld, cc } = setup();
        const violation = (e) => e instanceof TransportError && e.code === TransportErrorCode.PROTOCOL_VIOLATION;
        assert.throws(() => ld.onAckReceived(2, ack([0, 0]), 0, 1, true), violation);
        ld.onPacketSent(pkt(2, 0, 0), 0);
        ld.onPacketSent(pkt(2, 1, 0), 0);
        assert.throws(() => ld.onAckReceived(2, ack([5, 5], [0, 1]), 0, 1, true), violation);
        assert.equal(cc.bytesInFlight, 2400);
        assert.equal(ld.largestAcked(2), undefined);
        ld.onPacketSent(pkt(2, 3, 0), 0); // pn 2 skipped
        assert.throws(() => ld.onAckReceived(2, ack([2, 3]), 0, 1, true), violation);
        // Spaces are independent: pn 0 of Handshake was never sent.
        assert.throws(() => ld.onAckReceived(1, ack([0, 0]), 0, 1, true), violation);
    });
});
describe('LossDetection: loss (RFC 9002 §6.1)', () => {
    test('packet threshold declares pn <= largest - 3 lost; time threshold arms the timer for the rest', () => {
        const { ld, cc } = setup();
        for (let pn = 0; pn < 4; pn++)
            ld.onPacketSent(pkt(2, pn, 0), 0);
        // latest_rtt = 50 ms -> loss_delay = 9/8 * 50 ms = 56.25 ms
        const r = ld.onAckReceived(2, ack([3, 3]), 0, 50_000, true);
        assert.deepEqual(pns(r.lost), [0]);
        assert.equal(cc.bytesInFlight, 2400);
        assert.equal(ld.timer(serverConfirmed), 56_250);
        // Spurious timeout before the loss time: nothing happens.
        assert.deepEqual(ld.onTimeout(56_249, serverConfirmed).lost, []);
        const t = ld.onTimeout(56_250, serverConfirmed);
        assert.deepEqual(pns(t.lost), [1, 2]);
        assert.equal(t.probe, undefined);
        assert.equal(cc.bytesInFlight, 0);
        assert.equal(ld.timer(serverConfirmed), undefined);
    });
    test('time threshold on ACK: packets older than 9/8 * max(srtt, latest_rtt) are lost at once', () => {
        const { ld } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        ld.onPacketSent(pkt(2, 1, 100_000), 100_000);
        // latest = 20 ms -> srtt 20 ms, loss_delay 22.5 ms; pn 0 was sent 120 ms ago
        const r = ld.onAckReceived(2, ack([1, 1]), 0, 120_000, true);
        assert.deepEqual(pns(r.lost), [0]);
    });
    test('the loss delay is at least kGranularity', () => {
        const { ld } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        ld.onPacketSent(pkt(2, 1, 0), 0);
        ld.onPacketSent(pkt(2, 2, 100), 100);
        assert.deepEqual(ld.onAckReceived(2, ack([2, 2]), 0, 200, true).lost, []); // rtt 100 us
        assert.equal(ld.timer(serverConfirmed), 1000); // 0 + max(112.5, 1000)
    });
    test('packets above the largest acked are never declared lost', () => {
        const { ld } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        for (let pn = 1; pn < 6; pn++)
            ld.onPacketSent(pkt(2, pn, 100_000), 100_000);
        // loss_delay 11.25 ms: pn 0 is old enough, pn 2..5 are above the largest acked
        const r = ld.onAckReceived(2, ack([1, 1]), 0, 110_000, true);
        assert.deepEqual(pns(r.lost), [0]);
        assert.equal(ld.outstanding(2), 4);
    });
});
describe('LossDetection: probe timeout (RFC 9002 §6.2)', () => {
    test('application PTO = last send + srtt + max(4 rttvar, g) + max_ack_delay, doubling per PTO, reset on ack', () => {
        const { ld } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        // initial rtt: 333000 + 4 * 166500 = 999000, + 25000 max_ack_delay
        assert.equal(ld.timer(serverConfirmed), 1_024_000);
        assert.deepEqual(ld.onTimeout(1_023_999, serverConfirmed), { lost: [] });
        assert.equal(ld.ptoCount, 0);
        const t = ld.onTimeout(1_024_000, serverConfirmed);
        assert.deepEqual(t.probe, { space: 2, count: 2 });
        assert.deepEqual(t.lost, []);
        assert.equal(ld.ptoCount, 1);
        assert.equal(ld.timer(serverConfirmed), 2_048_000);
        ld.onTimeout(2_048_000, serverConfirmed);
        assert.equal(ld.ptoCount, 2);
        assert.equal(ld.timer(serverConfirmed), 4_096_000);
        ld.onPacketSent(pkt(2, 1, 4_100_000), 4_100_000);
        ld.onAckReceived(2, ack([1, 1]), 0, 4_200_000, true);
        assert.equal(ld.ptoCount, 0);
    });
    test('no application-data PTO before the handshake is confirmed', () => {
        const { ld } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        assert.equal(ld.timer({ ...serverConfirmed, handshakeConfirmed: false }), undefined);
    });
    test('handshake spaces: earliest of Initial and Handshake, without max_ack_delay', () => {
        const { ld } = setup(false);
        const ctx = { handshakeConfirmed: false, peerAddressValidated: false, hasHandshakeKeys: true, isServer: false };
        ld.onPacketSent(pkt(0, 0, 0), 0);
        ld.onPacketSent(pkt(1, 0, 10_000), 10_000);
        ld.onPacketSent(pkt(2, 0, 10_000), 10_000);
        assert.equal(ld.timer(ctx), 999_000);
        assert.deepEqual(ld.onTimeout(999_000, ctx).probe, { space: 0, count: 2 });
        assert.equal(ld.timer(ctx), 1_998_000); // 0 + 999000 * 2
        // Initial keys discarded: Handshake PTO, backoff reset, Initial bytes leave flight.
        const dropped = ld.discardSpace(0);
        assert.deepEqual(pns(dropped), [0]);
        assert.equal(ld.ptoCount, 0);
        assert.equal(ld.bytesInFlight(), 2400);
        assert.equal(ld.timer(ctx), 1_009_000);
        assert.deepEqual(ld.onTimeout(1_009_000, ctx).probe, { space: 1, count: 2 });
    });
    test('client anti-deadlock PTO while the server may be amplification-limited (§6.2.2.1)', () => {
        const { ld } = setup(false);
        const ctx = { handshakeConfirmed: false, peerAddressValidated: false, hasHandshakeKeys: false, isServer: false };
        ld.onPacketSent(pkt(0, 0, 0), 0);
        ld.onAckReceived(0, ack([0, 0]), 0, 50_000, false);
        // Nothing in flight, but the client arms the PTO from now: 50000 + 50000 + 4 * 25000
        assert.equal(ld.timer(ctx), 200_000);
        assert.deepEqual(ld.onTimeout(200_000, ctx).probe, { space: 0, count: 1 });
        assert.equal(ld.ptoCount, 1);
        assert.equal(ld.timer(ctx), 200_000 + 300_000);
        const withKeys = { ...ctx, hasHandshakeKeys: true };
        assert.deepEqual(ld.onTimeout(500_000, withKeys).probe, { space: 1, count: 1 });
        // Once the peer has validated our address there is nothing to arm.
        assert.equal(ld.timer({ ...withKeys, peerAddressValidated: true }), undefined);
    });
    test('a Handshake ACK means the server validated the client: backoff resets and no idle timer', () => {
        const { ld } = setup(false);
        const ctx = { handshakeConfirmed: false, peerAddressValidated: false, hasHandshakeKeys: true, isServer: false };
        ld.onPacketSent(pkt(1, 0, 0), 0);
        ld.onTimeout(999_000, ctx);
        assert.equal(ld.ptoCount, 1);
        ld.onAckReceived(1, ack([0, 0]), 0, 1_000_000, false);
        assert.equal(ld.ptoCount, 0);
        assert.equal(ld.timer(ctx), undefined);
    });
    test('a client that has not been validated keeps its backoff after an Initial ACK', () => {
        const { ld } = setup(false);
        const ctx = { handshakeConfirmed: false, peerAddressValidated: false, hasHandshakeKeys: false, isServer: false };
        ld.onPacketSent(pkt(0, 0, 0), 0);
        ld.onTimeout(999_000, ctx);
        ld.onPacketSent(pkt(0, 1, 999_000), 999_000);
        ld.onAckReceived(0, ack([1, 1]), 0, 1_000_000, false);
        assert.equal(ld.ptoCount, 1);
    });
    test('an amplification-limited server arms no PTO', () => {
        const { ld } = setup(true);
        ld.onPacketSent(pkt(0, 0, 0), 0);
        const ctx = { handshakeConfirmed: false, peerAddressValidated: true, hasHandshakeKeys: false, isServer: true };
        assert.equal(ld.timer({ ...ctx, amplificationLimited: true }), undefined);
        assert.equal(ld.timer(ctx), 999_000);
    });
    test('setMaxAckDelay changes the application PTO', () => {
        const { ld } = setup();
        ld.setMaxAckDelay(0);
        ld.onPacketSent(pkt(2, 0, 0), 0);
        assert.equal(ld.timer(serverConfirmed), 999_000);
    });
});
describe('LossDetection: persistent congestion (RFC 9002 §7.6)', () => {
    /** RTT sample of 100 ms, then losses of pn 1..4 sent at the given times, ACK of pn 5. */
    function run(sendTimes, ackRanges) {
        const s = setup();
        s.ld.onPacketSent(pkt(2, 0, 0), 0);
        s.ld.onAckReceived(2, ack([0, 0]), 0, 100_000, true);
        sendTimes.forEach((t, i) => s.ld.onPacketSent(pkt(2, i + 1, t), t));
        s.ld.onPacketSent(pkt(2, 5, 1_400_000), 1_400_000);
        const r = s.ld.onAckReceived(2, ack(...ackRanges), 0, 1_500_000, true);
        return { ...s, r };
    }
    // srtt 100 ms, rttvar 37.5 ms: duration = (100 + 150 + 25) * 3 = 825 ms
    test('losses spanning more than the duration collapse the window to kMinimumWindow', () => {
        const { r, cc, ld } = run([200_000, 700_000, 1_300_000, 1_300_000], [[5, 5]]);
        assert.equal(ld.persistentCongestionDuration(), 825_000);
        assert.deepEqual(pns(r.lost), [1, 2, 3, 4]);
        // kMinimumWindow, then the ACK of pn 5 (no recovery period any more) grows it in slow start
        assert.equal(cc.window, 2400 + 1200);
    });
    test('an acknowledged packet between the losses breaks the period', () => {
        const { r, cc } = run([200_000, 700_000, 1_300_000, 1_300_000], [[5, 5], [3, 3]]);
        assert.deepEqual(pns(r.lost), [1, 2, 4]);
        assert.equal(cc.window, 6600); // one ordinary halving of 13200 (12000 + 1200 slow start)
    });
    test('losses closer together than the duration are an ordinary congestion event', () => {
        const { r, cc } = run([800_000, 900_000, 1_300_000, 1_300_000], [[5, 5]]);
        assert.equal(r.lost.length, 4);
        assert.equal(cc.window, 6600);
    });
    test('packets sent before the first RTT sample do not count', () => {
        const { ld, cc } = setup();
        ld.onPacketSent(pkt(2, 0, 0), 0);
        ld.onPacketSent(pkt(2, 1, 1_000_000), 1_000_000);
        ld.onPacketSent(pkt(2, 2, 2_000_000), 2_000_000);
        ld.onPacketSent(pkt(2, 3, 2_000_000), 2_000_000);
        ld.onPacketSent(pkt(2, 4, 2_000_000), 2_000_000);
        const r = ld.onAckReceived(2, ack([4, 4]), 0, 2_100_000, true);
        // pn 0 and 1 are 1 s apart (> 975 ms) but were sent before any RTT sample existed
        assert.deepEqual(pns(r.lost), [0, 1]);
        assert.equal(cc.window, 6000);
    });
});
describe('LossDetection: key discard and ECN', () => {
    test('discardSpace removes bytes from flight without a congestion event', () => {
        const { ld, cc } = setup(false);
        ld.onPacketSent(pkt(0, 0, 0), 0);
        ld.onPacketSent(pkt(0, 1, 0, { ackEliciting: false, inFlight: true, size: 500 }), 0);
        ld.onPacketSent(pkt(1, 0, 0), 0);
        assert.equal(ld.bytesInFlight(), 2900);
        assert.equal(pns(ld.discardSpace(0)).length, 2);
        assert.equal(ld.bytesInFlight(), 1200);
        assert.equal(cc.window, 12_000);
        assert.equal(cc.recoveryStartTime, undefined);
        assert.equal(ld.inFlightAckEliciting(0), 0);
    });
    test('a rising ECN-CE count is a congestion event, a repeated one is not', () => {
        const { ld, cc } = setup();
        for (let pn = 0; pn < 3; pn++)
            ld.onPacketSent(pkt(2, pn, pn * 10), pn * 10);
        ld.onAckReceived(2, { ...ack([0, 0]), ecn: { ect0: 1, ect1: 0, ce: 1 } }, 0, 1000, true);
        assert.equal(cc.recoveryStartTime, 1000);
        assert.equal(cc.window, 6000);
        ld.onAckReceived(2, { ...ack([1, 1]), ecn: { ect0: 1, ect1: 0, ce: 1 } }, 0, 2000, true);
        assert.equal(cc.recoveryStartTime, 1000);
    });
});
//# sourceMappingURL=loss-detection.test.js.map