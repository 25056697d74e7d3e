import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStructuredDatagrams, createStructuredStream, MessageRegistry, type TypeSpec } from '../../../src/messaging/index.js';
import { JsonSerializer } from '../../../src/serializers/json.js';
import type { WebTransportSession } from '../../../src/index.js';

describe('messaging factory functions', () => {
  test('delegate to the session methods with the same options', async () => {
    const calls: [string, unknown][] = [];
    const session = {
      createStructuredStream: async (o: unknown) => { calls.push(['stream', o]); return 'S'; },
      createStructuredDatagrams: (o: unknown) => { calls.push(['datagrams', o]); return 'D'; },
    } as unknown as WebTransportSession;
    const options = { serializer: new JsonSerializer(), registry: new MessageRegistry<TypeSpec>() };
    assert.equal(await createStructuredStream(session, { ...options, timeoutMs: 5 }), 'S');
    assert.equal(createStructuredDatagrams(session, options), 'D');
    assert.deepEqual(calls, [['stream', { ...options, timeoutMs: 5 }], ['datagrams', options]]);
  });
});
