import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BURST_PACKETS, Pacer } from '../../../../../src/proto/quic/recovery/pacer.js';
// cwnd 12000 over srtt 100 ms at 1.25x: 0.15 bytes/us, so 1200 bytes every 8000 us.
const CWND = 12_000;
const SRTT = 100_000;
const MDS = 1200;
describe('Pacer', () => {
    test('lets a burst of 10 datagrams out, then spaces packets at 1.25 * cwnd / srtt', () => {
        const p = new Pacer(MDS);
        for (let i = 0; i < BURST_PACKETS; i++)
            assert.equal(p.delayUntil(0, MDS, CWND, SRTT, MDS), undefined);
        assert.equal(p.delayUntil(0, MDS, CWND, SRTT, MDS), 8000);
        assert.equal(p.delayUntil(4000, MDS, CWND, SRTT, MDS), 8000);
        assert.equal(p.delayUntil(8000, MDS, CWND, SRTT, MDS), undefined);
        assert.equal(p.delayUntil(8000, 600, CWND, SRTT, MDS), 12_000);
    });
    test('an idle period refills no more than the burst', () => {
        const p = new Pacer(MDS);
        for (let i = 0; i < BURST_PACKETS; i++)
            p.delayUntil(0, MDS, CWND, SRTT, MDS);
        let sentNow = 0;
        while (p.delayUntil(10_000_000, MDS, CWND, SRTT, MDS) === undefined)
            sentNow++;
        assert.equal(sentNow, BURST_PACKETS);
    });
    test('a larger window paces faster', () => {
        const p = new Pacer(MDS);
        for (let i = 0; i < BURST_PACKETS; i++)
            p.delayUntil(0, MDS, 4 * CWND, SRTT, MDS);
        assert.equal(p.delayUntil(0, MDS, 4 * CWND, SRTT, MDS), 2000);
    });
    test('refund returns tokens for a packet not sent; reset refills', () => {
        const p = new Pacer(MDS);
        for (let i = 0; i < BURST_PACKETS; i++)
            p.delayUntil(0, MDS, CWND, SRTT, MDS);
        p.refund(MDS);
        assert.equal(p.delayUntil(0, MDS, CWND, SRTT, MDS), undefined);
        assert.notEqual(p.delayUntil(0, MDS, CWND, SRTT, MDS), undefined);
        p.reset();
        assert.equal(p.delayUntil(1, MDS, CWND, SRTT, MDS), undefined);
    });
});
//# sourceMappingURL=pacer.test.js.map