import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyLogLabel, formatKeyLogLine } from '../../../../src/proto/tls/keylog.js';
describe('keylog', () => {
    test('NSS line format', () => {
        assert.equal(formatKeyLogLine(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0, new Uint8Array([0, 255]), new Uint8Array([0xab, 1])), 'CLIENT_TRAFFIC_SECRET_0 00ff ab01');
    });
});
//# sourceMappingURL=keylog.test.js.map