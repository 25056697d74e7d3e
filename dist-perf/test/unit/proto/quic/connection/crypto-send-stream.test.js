import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CryptoSendStream } from '../../../../../src/proto/quic/connection/crypto-send-stream.js';
function bytes(from, n) {
    return Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);
}
function frame(s, max) {
    const r = s.nextRange(max);
    return r && { type: 'crypto', offset: r.offset, data: s.slice(r.offset, r.length) };
}
describe('CryptoSendStream', () => {
    test('sends everything once, in order, in pieces of at most max bytes', () => {
        const s = new CryptoSendStream();
        assert.ok(s.allAcked(), 'nothing written is trivially acknowledged');
        s.write(bytes(0, 100));
        s.write(new Uint8Array(0));
        s.write(bytes(100, 50));
        assert.ok(s.hasData());
        const f1 = frame(s, 80);
        const f2 = frame(s, 80);
        assert.equal(frame(s, 80), undefined);
        assert.equal(s.hasData(), false);
        assert.deepEqual([f1.offset, f1.data.length, f2.offset, f2.data.length], [0, 80, 80, 70]);
        assert.deepEqual(f2.data, bytes(80, 70), 'a slice across two chunks is stitched together');
        assert.equal(s.nextRange(0), undefined);
    });
    test('a lost range is resent unless acknowledged meanwhile', () => {
        const s = new CryptoSendStream();
        s.write(bytes(0, 300));
        const a = frame(s, 100);
        const b = frame(s, 100);
        const c = frame(s, 100);
        s.onLost(a);
        s.onLost(b);
        s.onAcked(b);
        const again = frame(s, 1000);
        assert.equal(again.offset, 0);
        assert.equal(again.data.length, 100);
        assert.equal(frame(s, 1000), undefined, 'b was acked after it was declared lost');
        s.onAcked(a);
        assert.ok(!s.allAcked());
        s.onAcked(c);
        assert.ok(s.allAcked());
        s.onLost(c);
        assert.equal(s.hasData(), false, 'losing acked data queues nothing');
    });
    test('requeueUnacked resends only the unacknowledged gaps (PTO)', () => {
        const s = new CryptoSendStream();
        s.write(bytes(0, 300));
        const a = frame(s, 100);
        frame(s, 100);
        const c = frame(s, 100);
        s.onAcked(a);
        s.onAcked(c);
        s.requeueUnacked();
        const r = frame(s, 1000);
        assert.deepEqual([r.offset, r.data.length], [100, 100]);
        assert.equal(frame(s, 1000), undefined);
    });
    test('resetProgress sends everything again from offset 0 (after Retry)', () => {
        const s = new CryptoSendStream();
        s.write(bytes(0, 50));
        s.onAcked(frame(s, 100));
        s.resetProgress();
        const r = frame(s, 100);
        assert.deepEqual([r.offset, r.data.length], [0, 50]);
    });
});
describe('CryptoSendStream retransmission skips acknowledged holes', () => {
    test('a lost range with an acked middle is resent as two pieces around it', () => {
        const s = new CryptoSendStream();
        s.write(bytes(0, 300));
        const a = frame(s, 100);
        const b = frame(s, 100);
        const c = frame(s, 100);
        s.onLost(a);
        s.onLost(b);
        s.onLost(c);
        s.onAcked(b);
        const r1 = frame(s, 1000);
        const r2 = frame(s, 1000);
        assert.deepEqual([r1.offset, r1.data.length, r2.offset, r2.data.length], [0, 100, 200, 100]);
        assert.deepEqual(r2.data, bytes(200, 100));
        assert.equal(frame(s, 1000), undefined);
    });
});
//# sourceMappingURL=crypto-send-stream.test.js.map