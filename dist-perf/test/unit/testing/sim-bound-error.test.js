import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimBoundError } from '../../../src/testing/sim-bound-error.js';
test('SimBoundError carries seed, time and a replay hint', () => {
    const e = new SimBoundError('stuck', 1234, 99);
    assert.equal(e.name, 'SimBoundError');
    assert.equal(e.seed, 99);
    assert.equal(e.atMicros, 1234);
    assert.match(e.message, /^stuck \(seed=99, rerun with SIM_SEED=99\)$/);
    assert.equal(new SimBoundError('x', 0).message, 'x');
});
//# sourceMappingURL=sim-bound-error.test.js.map