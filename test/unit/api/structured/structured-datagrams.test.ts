import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StructuredDatagrams } from '../../../../src/api/structured/structured-datagrams.js';
import { WebTransportSession } from '../../../../src/api/session.js';
import { MessageRegistry } from '../../../../src/api/structured/registry.js';
import { frameDatagram } from '../../../../src/api/structured/framing.js';
import type { TypeSpec } from '../../../../src/messaging/type-spec.js';
import { MsgPackSerializer } from '../../../../src/serializers/msgpack.js';
import { DatagramError, ProtocolError, SerializationError } from '../../../../src/index.js';
import { FakeDatagrams } from './fakes.js';

class Pos {
  static readonly schema = { x: 'integer', y: 'integer' } as const;
  x = 0;
  y = 0;
}
const pos = (x: number, y: number): Pos => Object.assign(new Pos(), { x, y });
const serializer = new MsgPackSerializer();

function setup(invalid?: 'throw' | 'drop'): { fake: FakeDatagrams; d: StructuredDatagrams<TypeSpec> } {
  const fake = new FakeDatagrams();
  const registry = new MessageRegistry<TypeSpec>([[0x0102, Pos]]);
  return { fake, d: new StructuredDatagrams(fake.asChannel(), { serializer, registry, ...(invalid ? { invalid } : {}) }) };
}

describe('StructuredDatagrams', () => {
  test('send frames u16 type id + payload; receive decodes typed', async () => {
    const { fake, d } = setup();
    d.send(pos(1, 2));
    assert.equal(fake.sent.length, 1);
    assert.deepEqual(fake.sent[0], frameDatagram(0x0102, serializer.serialize({ x: 1, y: 2 })));
    fake.push(fake.sent[0]!);
    const got = await d.receive();
    assert.ok(got instanceof Pos);
    assert.deepEqual({ ...got }, { x: 1, y: 2 });
    assert.deepEqual(d.stats, { messagesSent: 1, messagesReceived: 1, invalid: 0 });
    assert.equal(d.maxPayloadSize, 1198);
  });

  test('short, unknown and malformed datagrams are typed errors and are consumed', async () => {
    const { fake, d } = setup();
    fake.push(new Uint8Array([1]));
    fake.push(frameDatagram(7, new Uint8Array([0xc0])));
    fake.push(frameDatagram(0x0102, new Uint8Array([0xc1])));
    fake.push(frameDatagram(0x0102, serializer.serialize({ x: 'a', y: 1 })));
    fake.push(frameDatagram(0x0102, serializer.serialize({ x: 5, y: 6 })));
    await assert.rejects(d.receive(), ProtocolError);
    await assert.rejects(d.receive(), /unknown message type id 7/);
    await assert.rejects(d.receive(), SerializationError);
    await assert.rejects(d.receive(), /\$\.x: expected safe integer/);
    assert.equal(((await d.receive()) as Pos).x, 5);
  });

  test("invalid: 'drop' skips bad datagrams and counts them", async () => {
    const { fake, d } = setup('drop');
    fake.push(new Uint8Array(0));
    fake.push(frameDatagram(9, new Uint8Array(0)));
    fake.push(frameDatagram(0x0102, serializer.serialize({ x: 3, y: 4 })));
    assert.equal(((await d.receive()) as Pos).y, 4);
    assert.equal(d.stats.invalid, 2);
  });

  test('too large for a datagram: DatagramError from the channel; unregistered: SerializationError', () => {
    const { fake, d } = setup();
    fake.maxDatagramSize = 4;
    assert.throws(() => d.send(pos(100000, 200000)), DatagramError);
    assert.equal(d.trySend(pos(1, 1)), false);
    assert.throws(() => d.send({ x: 1, y: 1 }), SerializationError);
  });

  test('iteration ends when the session closes', async () => {
    const { fake, d } = setup();
    fake.push(frameDatagram(0x0102, serializer.serialize({ x: 1, y: 1 })));
    setTimeout(() => fake.close(), 5);
    const got: unknown[] = [];
    for await (const v of d) got.push(v);
    assert.equal(got.length, 1);
    assert.equal(d.isClosed, true);
  });

  test('session.createStructuredDatagrams wraps the session datagrams', () => {
    const fake = new FakeDatagrams();
    const session = { datagrams: fake.asChannel() } as unknown as WebTransportSession;
    const d = WebTransportSession.prototype.createStructuredDatagrams.call(session, { serializer, registry: new MessageRegistry<TypeSpec>([[0x0102, Pos]]) });
    assert.ok(d instanceof StructuredDatagrams);
    assert.equal(d.datagrams, fake.asChannel());
    d.send(pos(3, 4));
    assert.equal(fake.sent.length, 1);
  });

  test('a session object is accepted in place of its channel', () => {
    const fake = new FakeDatagrams();
    const d = new StructuredDatagrams({ datagrams: fake.asChannel() } as unknown as WebTransportSession, { serializer, registry: new MessageRegistry<TypeSpec>() });
    assert.equal(d.datagrams, fake.asChannel());
  });

  test('property: arbitrary datagrams decode or raise a typed error', async () => {
    const { d } = setup();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), fc.boolean(), (bytes, known) => {
      if (known && bytes.length >= 2) bytes.set([0x01, 0x02]);
      try {
        assert.ok(d.decode(bytes).value instanceof Pos);
      } catch (error) {
        assert.ok(error instanceof SerializationError || error instanceof ProtocolError, String(error));
      }
    }), { numRuns: 1000 });
  });
});
