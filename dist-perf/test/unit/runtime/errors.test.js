import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuicConnectionError, QuicDatagramError, QuicStreamError, toErrorCode } from '../../../src/runtime/errors.js';
test('errors carry their codes', () => {
    const s = new QuicStreamError('reset', 4, 12n);
    assert.equal(s.code, 12n);
    assert.equal(s.streamId, 4);
    assert.match(s.message, /stream 4: reset with code 12/);
    const c = new QuicConnectionError({ code: 0x10an, application: true, reason: 'bye', remote: true, kind: 'close' });
    assert.equal(c.code, 0x10an);
    assert.match(c.message, /peer, application code 266\): bye/);
    const idle = new QuicConnectionError({ code: 0n, application: false, reason: '', remote: false, kind: 'idleTimeout' });
    assert.match(idle.message, /idleTimeout/);
    assert.equal(new QuicDatagramError('too-large', 'x').reason, 'too-large');
});
test('toErrorCode accepts 62-bit codes only', () => {
    assert.equal(toErrorCode(5), 5n);
    assert.equal(toErrorCode((1n << 62n) - 1n), (1n << 62n) - 1n);
    assert.throws(() => toErrorCode(1n << 62n), RangeError);
    assert.throws(() => toErrorCode(-1), RangeError);
});
//# sourceMappingURL=errors.test.js.map