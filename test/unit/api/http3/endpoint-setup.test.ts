import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { resolveHost } from '../../../../src/api/http3/endpoint-setup.js';

describe('resolveHost', () => {
  test('IP literals are used as given', async () => {
    assert.deepEqual(await resolveHost('127.0.0.1', 4433), { address: '127.0.0.1', port: 4433 });
    assert.deepEqual(await resolveHost('::1', 4433), { address: '::1', port: 4433 });
  });

  test('localhost names are loopback without asking the resolver (RFC 6761 §6.3)', async () => {
    for (const name of ['localhost', 'LOCALHOST', 'localhost.', 'app.localhost']) {
      assert.deepEqual(await resolveHost(name, 443), { address: '127.0.0.1', port: 443 }, name);
    }
  });
});
