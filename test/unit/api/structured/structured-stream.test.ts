import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StructuredStream } from '../../../../src/api/structured/structured-stream.js';
import { WebTransportSession } from '../../../../src/api/session.js';
import { MessageRegistry } from '../../../../src/api/structured/registry.js';
import { frameStreamMessage } from '../../../../src/api/structured/framing.js';
import type { TypeSpec } from '../../../../src/messaging/type-spec.js';
import { JsonSerializer } from '../../../../src/serializers/json.js';
import {
  ConfigurationError, ProtocolError, SerializationError, StreamError,
  type WebTransportReceiveStream, type WebTransportSendStream,
} from '../../../../src/index.js';
import { FakeStream } from './fakes.js';

class Chat {
  static readonly schema = { text: 'string' } as const;
  text = '';
}
class Ack {
  static readonly schema = { id: 'integer' } as const;
  id = 0;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const chat = (text: string): Chat => Object.assign(new Chat(), { text });

function setup(maxMessageSize?: number): { fake: FakeStream; s: StructuredStream<TypeSpec> } {
  const fake = new FakeStream();
  const registry = new MessageRegistry<TypeSpec>([[1, Chat], [2, Ack]]);
  const s = new StructuredStream(fake.asStream(), {
    serializer: new JsonSerializer(), registry, protocolErrorCode: 0x77, ...(maxMessageSize !== undefined ? { maxMessageSize } : {}),
  });
  return { fake, s };
}

describe('StructuredStream', () => {
  test('send writes one framed message per call', async () => {
    const { fake, s } = setup();
    await s.send(chat('hi'));
    await s.send(Object.assign(new Ack(), { id: 7 }));
    assert.equal(fake.written.length, 2);
    assert.deepEqual(fake.written[0], frameStreamMessage(1, enc('{"text":"hi"}')));
    assert.deepEqual(fake.written[1], frameStreamMessage(2, enc('{"id":7}')));
    assert.deepEqual(s.stats, { messagesSent: 2, messagesReceived: 0 });
    await s.close();
    assert.equal(fake.finished, true);
  });

  test('receives typed messages split across arbitrary chunks, then undefined at the clean end', async () => {
    const { fake, s } = setup();
    const wire = Buffer.concat([frameStreamMessage(1, enc('{"text":"a"}')), frameStreamMessage(2, enc('{"id":1}'))]);
    for (let i = 0; i < wire.length; i += 5) fake.feed(wire.subarray(i, i + 5));
    fake.end();
    const got: unknown[] = [];
    for await (const v of s) got.push(v);
    assert.equal(got.length, 2);
    assert.ok(got[0] instanceof Chat);
    assert.equal((got[0] as Chat).text, 'a');
    assert.ok(got[1] instanceof Ack);
    assert.equal(await s.receive(), undefined);
  });

  test('concurrent receives do not split frames', async () => {
    const { fake, s } = setup();
    const a = s.receiveMessage();
    const b = s.receiveMessage();
    fake.feed(Buffer.concat([frameStreamMessage(2, enc('{"id":1}')), frameStreamMessage(2, enc('{"id":2}'))]));
    assert.equal(((await a)!.value as Ack).id, 1);
    assert.equal(((await b)!.value as Ack).id, 2);
  });

  test('unknown type id: SerializationError, payload skipped, next message still readable', async () => {
    const { fake, s } = setup();
    fake.feed(Buffer.concat([frameStreamMessage(99, enc('{"x":1}')), frameStreamMessage(1, enc('{"text":"next"}'))]));
    await assert.rejects(s.receive(), (e: unknown) => e instanceof SerializationError && /unknown message type id 99/.test(e.message));
    assert.equal(((await s.receive()) as Chat).text, 'next');
  });

  test('malformed payload: SerializationError, stream stays usable', async () => {
    const { fake, s } = setup();
    fake.feed(Buffer.concat([frameStreamMessage(1, enc('{"text":')), frameStreamMessage(1, enc('{"text":5}')), frameStreamMessage(1, enc('{"text":"ok"}'))]));
    await assert.rejects(s.receive(), SerializationError);
    await assert.rejects(s.receive(), /\$\.text: expected string/);
    assert.equal(((await s.receive()) as Chat).text, 'ok');
  });

  test('oversized length: ProtocolError, reading stopped with the protocol code, sticky', async () => {
    const { fake, s } = setup(16);
    const header = new Uint8Array([0, 1, 0xff, 0xff, 0xff, 0xff]);
    fake.feed(header);
    await assert.rejects(s.receive(), (e: unknown) => e instanceof ProtocolError && /maxMessageSize is 16/.test(e.message));
    assert.equal(fake.stoppedWith, 0x77);
    await assert.rejects(s.receive(), ProtocolError);
  });

  test('stream ending inside a header or payload is a ProtocolError', async () => {
    const one = setup();
    one.fake.feed(new Uint8Array([0, 1, 0]));
    one.fake.end();
    await assert.rejects(one.s.receive(), /inside a message header/);
    const two = setup();
    two.fake.feed(frameStreamMessage(1, enc('{"text":"abc"}')).subarray(0, 10));
    two.fake.end();
    await assert.rejects(two.s.receive(), /inside a message payload/);
  });

  test('a receive cancelled while waiting for the payload keeps the stream in sync', async () => {
    const { fake, s } = setup();
    const framed = frameStreamMessage(1, enc('{"text":"later"}'));
    fake.feed(framed.subarray(0, 8));
    const controller = new AbortController();
    const pending = s.receive({ signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('gave up'));
    await assert.rejects(pending, /gave up/);
    fake.feed(framed.subarray(8));
    assert.equal(((await s.receive()) as Chat).text, 'later');
  });

  test('a stream without the needed direction is a StreamError', async () => {
    const registry = new MessageRegistry<TypeSpec>([[1, Chat]]);
    const sendOnly = { streamId: 3, write: async () => {}, close: async () => {} } as unknown as WebTransportSendStream;
    const s = new StructuredStream(sendOnly, { serializer: new JsonSerializer(), registry });
    await assert.rejects(s.receive(), StreamError);
    const recvOnly = new StructuredStream({ streamId: 2, readExactly: async () => new Uint8Array(0) } as unknown as WebTransportReceiveStream, { serializer: new JsonSerializer(), registry });
    await assert.rejects(recvOnly.send(chat('x')), StreamError);
  });

  test('sending: too large or unregistered is a SerializationError and nothing is written', async () => {
    const { fake, s } = setup(8);
    await assert.rejects(s.send(chat('far too long for eight bytes')), (e: unknown) => e instanceof SerializationError && /maxMessageSize 8/.test(e.message));
    await assert.rejects(s.send({ text: 'plain' }), SerializationError);
    assert.equal(fake.written.length, 0);
  });

  test('zero-length payloads and maxMessageSize validation', async () => {
    const fake = new FakeStream();
    const registry = new MessageRegistry<string>([[3, 'empty']]);
    const serializer = { name: 'empty', serialize: () => new Uint8Array(0), deserialize: () => 'E' };
    const s = new StructuredStream(fake.asStream(), { serializer, registry, maxMessageSize: 0 });
    await s.send('anything', 'empty');
    assert.deepEqual([...fake.output()], [0, 3, 0, 0, 0, 0]);
    fake.feed(fake.output());
    assert.equal(await s.receive(), 'E');
    assert.throws(() => new StructuredStream(fake.asStream(), { serializer, registry, maxMessageSize: -1 }), ConfigurationError);
  });

  test('session.createStructuredStream opens a bidirectional stream and wraps it', async () => {
    const fake = new FakeStream();
    let opts: unknown;
    const session = { createBidirectionalStream: async (o: unknown) => { opts = o; return fake.asStream(); } } as unknown as WebTransportSession;
    const create = WebTransportSession.prototype.createStructuredStream;
    const s = await create.call(session, { serializer: new JsonSerializer(), registry: new MessageRegistry<TypeSpec>([[1, Chat]]), timeoutMs: 50 });
    assert.ok(s instanceof StructuredStream);
    assert.equal(s.stream, fake.asStream());
    assert.deepEqual(opts, { timeoutMs: 50 }, 'only the stream options reach createBidirectionalStream');
    assert.equal(s.streamId, 4);
    await s.send(chat('hi'));
    assert.equal(fake.written.length, 1);
  });

  test('session.createStructuredStream checks maxMessageSize before opening a stream', async () => {
    let opened = 0;
    const session = { createBidirectionalStream: async () => { opened++; return new FakeStream().asStream(); } } as unknown as WebTransportSession;
    const create = WebTransportSession.prototype.createStructuredStream;
    for (const maxMessageSize of [-1, 1.5, 2 ** 32]) {
      await assert.rejects(create.call(session, { serializer: new JsonSerializer(), registry: new MessageRegistry<TypeSpec>(), maxMessageSize }), ConfigurationError);
    }
    assert.equal(opened, 0);
  });

  test('property: messages survive any chunking of the wire bytes', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }),
      async (texts, cuts) => {
        const writer = setup();
        for (const text of texts) await writer.s.send(chat(text));
        const wire = writer.fake.output();
        const reader = setup();
        for (let at = 0, i = 0; at < wire.length; at += cuts[i++ % cuts.length]!) reader.fake.feed(wire.subarray(at, at + cuts[i % cuts.length]!));
        reader.fake.end();
        const got: string[] = [];
        for await (const v of reader.s) got.push((v as Chat).text);
        assert.deepEqual(got, texts);
      }), { numRuns: 300 });
  });

  test('property: arbitrary bytes yield values or typed errors, and always end', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
      const { fake, s } = setup(64);
      fake.feed(bytes);
      fake.end();
      for (let i = 0; i <= bytes.length; i++) {
        try {
          if (await s.receive() === undefined) return;
        } catch (error) {
          if (error instanceof ProtocolError) return;
          assert.ok(error instanceof SerializationError, String(error));
        }
      }
      assert.fail('receive loop did not end');
    }), { numRuns: 500 });
  });
});
