import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tls from '../../../../src/proto/tls/index.js';

describe('tls index', () => {
  test('exports the entry points other layers use', () => {
    assert.equal(typeof tls.createTlsClient, 'function');
    assert.equal(typeof tls.createTlsServer, 'function');
    assert.equal(typeof tls.formatKeyLogLine, 'function');
    assert.equal(new tls.TlsAlertError(tls.AlertDescription.decode_error, 'x').quicErrorCode, 0x132);
    assert.equal(tls.EncryptionLevel.HANDSHAKE, 2);
  });
});
