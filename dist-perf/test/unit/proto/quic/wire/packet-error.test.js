import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidPacketError } from '../../../../../src/proto/quic/wire/packet-error.js';
import { InvalidPacketError as FromHeader } from '../../../../../src/proto/quic/wire/header.js';
test('InvalidPacketError is one class, re-exported by header.ts', () => {
    const e = new InvalidPacketError('bad');
    assert.equal(FromHeader, InvalidPacketError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'InvalidPacketError');
    assert.equal(e.message, 'bad');
});
//# sourceMappingURL=packet-error.test.js.map