import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isWtH3Event } from '../../../../src/proto/webtransport/h3-like.js';
import { FakeH3 } from './fake-h3.js';
describe('WtH3Like', () => {
    test('isWtH3Event keeps the engine\'s events and drops the others', () => {
        assert.equal(isWtH3Event({ type: 'capsule' }), true);
        assert.equal(isWtH3Event({ type: 'webTransportStream' }), true);
        assert.equal(isWtH3Event({ type: 'data' }), false);
        assert.equal(isWtH3Event({ type: 'trailers' }), false);
        assert.equal(isWtH3Event({ type: 'connectionError' }), false);
    });
    test('the test fake implements the interface', () => {
        const [c] = FakeH3.pair();
        assert.equal(c.isServer, false);
    });
});
//# sourceMappingURL=h3-like.test.js.map