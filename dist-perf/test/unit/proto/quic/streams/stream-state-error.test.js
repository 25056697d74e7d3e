import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamStateError } from '../../../../../src/proto/quic/streams/stream-state-error.js';
test('StreamStateError carries the stream, reason and code', () => {
    const e = new StreamStateError(4, 'reset', 7n);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'StreamStateError');
    assert.equal(e.streamId, 4);
    assert.equal(e.reason, 'reset');
    assert.equal(e.errorCode, 7n);
    assert.match(e.message, /stream 4: reset/);
    assert.equal(new StreamStateError(1, 'unknown').errorCode, undefined);
});
//# sourceMappingURL=stream-state-error.test.js.map