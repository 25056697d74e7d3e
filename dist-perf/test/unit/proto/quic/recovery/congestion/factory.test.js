import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCongestionController } from '../../../../../../src/proto/quic/recovery/congestion/factory.js';
import { Cubic } from '../../../../../../src/proto/quic/recovery/congestion/cubic.js';
import { NewReno } from '../../../../../../src/proto/quic/recovery/congestion/new-reno.js';
test('createCongestionController builds the configured algorithm', () => {
    const reno = createCongestionController('newreno', 1500);
    assert.ok(reno instanceof NewReno);
    assert.equal(reno.window, 14_720);
    assert.ok(createCongestionController('cubic') instanceof Cubic);
});
//# sourceMappingURL=factory.test.js.map