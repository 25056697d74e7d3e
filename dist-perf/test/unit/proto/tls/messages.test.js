import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HandshakeReassembler, HandshakeType, frameHandshake } from '../../../../src/proto/tls/messages.js';
import { TlsAlertError } from '../../../../src/proto/tls/alerts.js';
describe('handshake framing', () => {
    test('frameHandshake writes type + u24 length', () => {
        assert.deepEqual(frameHandshake(HandshakeType.finished, new Uint8Array([9, 9])), new Uint8Array([20, 0, 0, 2, 9, 9]));
    });
    test('reassembles messages split at any byte and joined in one chunk', () => {
        const a = frameHandshake(1, new Uint8Array(300).fill(1));
        const b = frameHandshake(2, new Uint8Array(0));
        const c = frameHandshake(8, new Uint8Array([7, 7, 7]));
        const all = new Uint8Array([...a, ...b, ...c]);
        for (const step of [1, 2, 3, 5, 64, all.length]) {
            const r = new HandshakeReassembler();
            const got = [];
            for (let i = 0; i < all.length; i += step)
                for (const m of r.push(all.subarray(i, i + step)))
                    got.push([m.type, m.body.length, m.raw.length]);
            assert.deepEqual(got, [[1, 300, 304], [2, 0, 4], [8, 3, 7]], `step ${step}`);
            assert.equal(r.buffered, 0);
        }
    });
    test('messages own their bytes', () => {
        const buf = frameHandshake(1, new Uint8Array([1, 2, 3]));
        const [m] = new HandshakeReassembler().push(buf);
        buf.fill(0);
        assert.deepEqual(m.body, new Uint8Array([1, 2, 3]));
    });
    test('a declared length above the cap is refused at the header', () => {
        const r = new HandshakeReassembler(1000);
        assert.throws(() => r.push(new Uint8Array([11, 0, 0x03, 0xe9])), TlsAlertError);
        assert.equal(new HandshakeReassembler(1000).push(new Uint8Array([11, 0, 0x03, 0xe8])).length, 0);
    });
});
//# sourceMappingURL=messages.test.js.map