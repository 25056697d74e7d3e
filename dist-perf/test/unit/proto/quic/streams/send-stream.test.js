import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SendStream } from '../../../../../src/proto/quic/streams/send-stream.js';
import { StreamStateError } from '../../../../../src/proto/quic/streams/stream-state-error.js';
const data = (n, seed = 0) => Uint8Array.from({ length: n }, (_, i) => (i + seed) & 0xff);
const BIG = 1 << 20;
describe('SendStream state machine (RFC 9000 §3.1)', () => {
    test('Ready -> Send -> DataSent -> DataRecvd', () => {
        const s = new SendStream(0, 1000, 1000);
        assert.equal(s.state, 'ready');
        s.write(data(10), false);
        assert.equal(s.state, 'ready', 'buffering does not send');
        const f1 = s.pollNew(100, BIG);
        assert.equal(s.state, 'send');
        assert.deepEqual([f1.offset, f1.data.length, f1.fin], [0, 10, false]);
        s.write(data(5), true);
        const f2 = s.pollNew(100, BIG);
        assert.deepEqual([f2.offset, f2.data.length, f2.fin], [10, 5, true]);
        assert.equal(s.state, 'dataSent');
        s.onAcked(f2);
        assert.equal(s.state, 'dataSent', 'first frame still unacked');
        s.onAcked(f1);
        assert.equal(s.state, 'dataRecvd');
        assert.equal(s.isTerminal, true);
    });
    test('a bare FIN goes out as a zero-length frame', () => {
        const s = new SendStream(4, 1000, 1000);
        s.write(data(3), false);
        s.pollNew(100, BIG);
        s.write(new Uint8Array(0), true);
        assert.equal(s.onlyFinPending, true);
        const f = s.pollNew(100, 0); // needs no connection credit
        assert.deepEqual([f.offset, f.data.length, f.fin], [3, 0, true]);
        assert.equal(s.hasNewData, false);
    });
    test('Ready/Send/DataSent -> ResetSent -> ResetRecvd', () => {
        for (const stage of ['ready', 'send', 'dataSent']) {
            const s = new SendStream(0, 1000, 1000);
            if (stage !== 'ready') {
                s.write(data(10), stage === 'dataSent');
                s.pollNew(100, BIG);
            }
            assert.equal(s.state, stage);
            assert.equal(s.reset(9n), true);
            assert.equal(s.state, 'resetSent');
            assert.equal(s.resetFinalSize, stage === 'ready' ? 0 : 10);
            assert.equal(s.reset(9n), false, 'second reset is a no-op');
            assert.equal(s.hasNewData, false);
            s.onResetAcked();
            assert.equal(s.state, 'resetRecvd');
            assert.equal(s.isTerminal, true);
        }
    });
    test('DataRecvd cannot be reset', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(1), true);
        s.onAcked(s.pollNew(100, BIG));
        assert.equal(s.reset(1n), false);
        assert.equal(s.state, 'dataRecvd');
    });
    test('reset final size counts only bytes sent', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(100), false);
        s.pollNew(30, BIG);
        const sent = s.buffer.sentOffset;
        s.reset(1n);
        assert.equal(s.resetFinalSize, sent);
    });
    test('write after FIN or reset throws StreamStateError', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(1), true);
        assert.throws(() => s.write(data(1), false), (e) => e instanceof StreamStateError && e.reason === 'finished');
        assert.equal(s.write(new Uint8Array(0), true), 0, 'repeated close is harmless');
        s.reset(3n);
        assert.throws(() => s.write(data(1), false), (e) => e instanceof StreamStateError && e.reason === 'reset');
    });
    test('a short write withholds the FIN and asks for streamWritable', () => {
        const s = new SendStream(0, 1000, 8);
        assert.equal(s.write(data(10), true), 8);
        assert.equal(s.finWritten, false);
        assert.equal(s.wantsWritable, true);
    });
    test('stream credit limits new data; the blocked state is visible', () => {
        const s = new SendStream(0, 5, 1000);
        s.write(data(10), false);
        const f = s.pollNew(100, BIG);
        assert.equal(f.data.length, 5);
        assert.equal(s.blockedByStreamCredit, true);
        assert.equal(s.hasNewData, false);
        assert.equal(s.pollNew(100, BIG), undefined);
        s.credit.raise(10);
        assert.equal(s.hasNewData, true);
        assert.equal(s.pollNew(100, BIG).data.length, 5);
    });
    test('connection credit passed in limits new data', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(10), false);
        assert.equal(s.pollNew(100, 0), undefined);
        assert.equal(s.pollNew(100, 3).data.length, 3);
    });
    test('frames never exceed the space given', () => {
        const s = new SendStream(0, 100_000, 100_000);
        s.write(data(50_000), false);
        for (const space of [1, 2, 3, 4, 5, 63, 64, 65, 66, 1200, 16_390]) {
            const f = s.pollNew(space, BIG);
            if (f === undefined)
                continue;
            const header = 1 + 1 + (f.offset === 0 ? 0 : f.offset < 64 ? 1 : f.offset < 16384 ? 2 : 4) + (f.data.length < 64 ? 1 : f.data.length < 16384 ? 2 : 4);
            assert.ok(header + f.data.length <= space, `space ${space}`);
        }
    });
    test('lost data is retransmitted exactly once, with the FIN', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(20), true);
        const f1 = s.pollNew(12, BIG);
        const f2 = s.pollNew(100, BIG);
        assert.equal(f2.fin, true);
        s.onLost(f2);
        s.onLost(f2);
        assert.equal(s.hasRetransmit, true);
        const r = s.pollRetransmit(100);
        assert.deepEqual([r.offset, r.data.length, r.fin], [f2.offset, f2.data.length, true]);
        assert.deepEqual([...r.data], [...f2.data]);
        assert.equal(s.hasRetransmit, false);
        assert.equal(s.pollRetransmit(100), undefined);
        s.onAcked(f1);
        s.onAcked(r);
        assert.equal(s.state, 'dataRecvd');
    });
    test('a lost bare FIN is resent alone', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(5), false);
        s.onAcked(s.pollNew(100, BIG));
        s.write(new Uint8Array(0), true);
        const fin = s.pollNew(100, BIG);
        s.onLost(fin);
        const again = s.pollRetransmit(100);
        assert.deepEqual([again.offset, again.data.length, again.fin], [5, 0, true]);
        s.onAcked(again);
        assert.equal(s.state, 'dataRecvd');
    });
    test('losses after a reset are ignored', () => {
        const s = new SendStream(0, 1000, 1000);
        s.write(data(5), false);
        const f = s.pollNew(100, BIG);
        s.reset(0n);
        s.onLost(f);
        assert.equal(s.hasRetransmit, false);
    });
});
//# sourceMappingURL=send-stream.test.js.map