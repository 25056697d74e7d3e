import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { RecvStream } from '../../../../../src/proto/quic/streams/recv-stream.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
const data = (n, seed = 0) => Uint8Array.from({ length: n }, (_, i) => (i + seed) & 0xff);
const isCode = (code) => (e) => e instanceof TransportError && e.code === code;
describe('RecvStream state machine (RFC 9000 §3.2)', () => {
    test('Recv -> SizeKnown -> DataRecvd -> DataRead', () => {
        const r = new RecvStream(1, 100, 100);
        assert.equal(r.state, 'recv');
        assert.equal(r.onData(5, data(5, 5), true), 10);
        assert.equal(r.state, 'sizeKnown');
        assert.equal(r.finalSize, 10);
        assert.equal(r.readable, false);
        r.onData(0, data(5), false);
        assert.equal(r.state, 'dataRecvd');
        const a = r.read(7, 0, 0);
        assert.deepEqual([a.data.length, a.fin], [5, false]);
        const b = r.read(7, 0, 0);
        assert.deepEqual([b.data.length, b.fin], [5, true]);
        assert.equal(r.state, 'dataRead');
        assert.equal(r.isTerminal, true);
        assert.equal(r.read(7, 0, 0), undefined);
    });
    test('a FIN arriving after all data was read is delivered as an empty read', () => {
        const r = new RecvStream(1, 100, 100);
        r.onData(0, data(4), false);
        assert.equal(r.read(10, 0, 0).data.length, 4);
        assert.equal(r.read(10, 0, 0), undefined);
        r.onData(4, new Uint8Array(0), true);
        assert.equal(r.readable, true);
        const end = r.read(10, 0, 0);
        assert.deepEqual([end.data.length, end.fin], [0, true]);
    });
    for (const from of ['recv', 'sizeKnown', 'dataRecvd']) {
        test(`${from} -> ResetRecvd`, () => {
            const r = new RecvStream(1, 100, 100);
            if (from !== 'recv')
                r.onData(0, data(10), true);
            if (from === 'sizeKnown') {
                const r2 = new RecvStream(1, 100, 100);
                r2.onData(5, data(5), true);
                assert.equal(r2.onReset(3n, 10), 0);
                assert.equal(r2.state, 'resetRecvd');
                return;
            }
            assert.equal(r.state, from);
            assert.equal(r.onReset(3n, 10), from === 'recv' ? 10 : 0);
            assert.equal(r.state, 'resetRecvd');
            assert.equal(r.resetCode, 3n);
            assert.equal(r.readable, false);
            assert.equal(r.isTerminal, true);
            assert.equal(r.takeRetired(), 10, 'the unread bytes go back to connection credit');
        });
    }
    test('a reset after everything was read changes nothing', () => {
        const r = new RecvStream(1, 100, 100);
        r.onData(0, data(3), true);
        r.read(10, 0, 0);
        assert.equal(r.onReset(1n, 3), -1);
        assert.equal(r.state, 'dataRead');
    });
    describe('final size rules (FINAL_SIZE_ERROR)', () => {
        test('data beyond a known final size', () => {
            const r = new RecvStream(1, 100, 100);
            r.onData(0, data(10), true);
            assert.throws(() => r.onData(8, data(5), false), isCode(TransportErrorCode.FINAL_SIZE_ERROR));
        });
        test('a second, different FIN', () => {
            const r = new RecvStream(1, 100, 100);
            r.onData(0, data(10), true);
            assert.throws(() => r.onData(0, data(9), true), isCode(TransportErrorCode.FINAL_SIZE_ERROR));
            r.onData(0, data(10), true); // the same FIN again is fine
        });
        test('a FIN below data already received', () => {
            const r = new RecvStream(1, 100, 100);
            r.onData(0, data(10), false);
            assert.throws(() => r.onData(0, data(5), true), isCode(TransportErrorCode.FINAL_SIZE_ERROR));
        });
        test('a reset final size that differs from the FIN', () => {
            const r = new RecvStream(1, 100, 100);
            r.onData(0, data(10), true);
            assert.throws(() => r.onReset(0n, 11), isCode(TransportErrorCode.FINAL_SIZE_ERROR));
        });
        test('a reset final size below received data', () => {
            const r = new RecvStream(1, 100, 100);
            r.onData(0, data(10), false);
            assert.throws(() => r.onReset(0n, 9), isCode(TransportErrorCode.FINAL_SIZE_ERROR));
        });
        test('a repeated reset with another final size', () => {
            const r = new RecvStream(1, 100, 100);
            r.onReset(0n, 10);
            assert.throws(() => r.onReset(0n, 12), isCode(TransportErrorCode.FINAL_SIZE_ERROR));
        });
    });
    test('data or final size beyond the stream limit is FLOW_CONTROL_ERROR', () => {
        const r = new RecvStream(1, 10, 100);
        r.onData(0, data(10), false);
        assert.throws(() => r.onData(10, data(1), false), isCode(TransportErrorCode.FLOW_CONTROL_ERROR));
        const r2 = new RecvStream(1, 10, 100);
        assert.throws(() => r2.onReset(0n, 11), isCode(TransportErrorCode.FLOW_CONTROL_ERROR));
    });
    test('credit is granted on reads, not on arrival', () => {
        const r = new RecvStream(1, 100, 100);
        r.onData(0, data(100), false);
        assert.equal(r.window.limit, 100);
        const first = r.read(40, 0, 0);
        assert.equal(first.creditDue, false);
        const second = r.read(40, 0, 0);
        assert.equal(second.creditDue, true);
        assert.equal(r.window.limit, 180);
    });
    test('no credit is due once the final size is known', () => {
        const r = new RecvStream(1, 100, 100);
        r.onData(0, data(100), true);
        assert.equal(r.read(100, 0, 0).creditDue, false);
    });
    test('stop drops buffered and future data and retires it', () => {
        const r = new RecvStream(1, 100, 100);
        r.onData(0, data(10), false);
        r.onData(20, data(5), false);
        assert.equal(r.stop(4n), true);
        assert.equal(r.readable, false);
        assert.equal(r.takeRetired(), 25);
        assert.equal(r.isTerminal, false, 'waits for the final size');
        assert.equal(r.onData(25, data(5), false), 5);
        assert.equal(r.takeRetired(), 5);
        assert.equal(r.assembler.bufferedBytes, 0);
        r.onReset(4n, 40);
        assert.equal(r.takeRetired(), 10);
        assert.equal(r.isTerminal, true);
    });
    test('stop after all data arrived needs no STOP_SENDING but stays terminal-on-size', () => {
        const r = new RecvStream(1, 100, 100);
        r.onData(0, data(10), true);
        r.read(3, 0, 0);
        assert.equal(r.stop(1n), false);
        assert.equal(r.isTerminal, true);
    });
});
//# sourceMappingURL=recv-stream.test.js.map