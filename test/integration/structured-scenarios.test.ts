/**
 * pywebtransport's e2e scenario test_08_structured_messaging over real loopback UDP: the e2e
 * server's `/structured-echo/json` and `/structured-echo/msgpack` routes (plus `/protobuf`) echo
 * every object received on any incoming structured stream and on the structured datagrams, with
 * the e2e registry {1: UserData(id, name, email), 2: StatusUpdate(status, timestamp)}. The client
 * uses session.createStructuredStream / session.createStructuredDatagrams with the same registry.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { create, createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { createTestPki } from '../../src/testing/test-pki.js';
import {
  MessageRegistry, StructuredStream, WebTransportClient, WebTransportServer, type Serializer, type WebTransportSession,
} from '../../src/index.js';
import type { TypeSpec } from '../../src/messaging/index.js';
import { JsonSerializer } from '../../src/serializers/json.js';
import { MsgPackSerializer } from '../../src/serializers/msgpack.js';
import { ProtobufSerializer } from '../../src/serializers/protobuf.js';

class UserData {
  static readonly schema = { id: 'integer', name: 'string', email: 'string' } as const;
  id = 0;
  name = '';
  email = '';
}
class StatusUpdate {
  static readonly schema = { status: 'string', timestamp: 'number' } as const;
  status = '';
  timestamp = 0;
}

/** e2e.v1.UserData { int32 id = 1; string name = 2; string email = 3; } and StatusUpdate { string status = 1; double timestamp = 2; }. */
function protoSchemas(): { UserDataPb: DescMessage; StatusUpdatePb: DescMessage } {
  const file = create(FileDescriptorProtoSchema, {
    name: 'e2e.proto', package: 'e2e.v1', syntax: 'proto3',
    messageType: [
      { name: 'UserData', field: [
        { name: 'id', number: 1, type: 5, label: 1, jsonName: 'id' },
        { name: 'name', number: 2, type: 9, label: 1, jsonName: 'name' },
        { name: 'email', number: 3, type: 9, label: 1, jsonName: 'email' },
      ] },
      { name: 'StatusUpdate', field: [
        { name: 'status', number: 1, type: 9, label: 1, jsonName: 'status' },
        { name: 'timestamp', number: 2, type: 1, label: 1, jsonName: 'timestamp' },
      ] },
    ],
  });
  const registry = createFileRegistry(file, () => undefined);
  return { UserDataPb: registry.getMessage('e2e.v1.UserData')!, StatusUpdatePb: registry.getMessage('e2e.v1.StatusUpdate')! };
}
const { UserDataPb, StatusUpdatePb } = protoSchemas();

type Kind = 'json' | 'msgpack' | 'protobuf';

/** The serializer and the registry both peers share, per route. */
function structuredOptions(kind: Kind): { serializer: Serializer<unknown>; registry: MessageRegistry<unknown> } {
  if (kind === 'protobuf') {
    return { serializer: new ProtobufSerializer() as Serializer<unknown>, registry: new MessageRegistry<unknown>([[1, UserDataPb], [2, StatusUpdatePb]]) };
  }
  const serializer = kind === 'json' ? new JsonSerializer() : new MsgPackSerializer();
  return { serializer: serializer as Serializer<unknown>, registry: new MessageRegistry<TypeSpec>([[1, UserData], [2, StatusUpdate]]) as MessageRegistry<unknown> };
}

const userData = (id: number, name: string, email: string): UserData => Object.assign(new UserData(), { id, name, email });
const statusUpdate = (status: string, timestamp: number): StatusUpdate => Object.assign(new StatusUpdate(), { status, timestamp });

/** The e2e server's structured-echo handler. */
function structuredEcho(session: WebTransportSession, kind: Kind): void {
  const ignore = (): undefined => undefined;
  void (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      const s = new StructuredStream(stream, structuredOptions(kind));
      void (async () => {
        for await (const value of s) await s.send(value);
        await s.close();
      })().catch(ignore);
    }
  })().catch(ignore);
  void (async () => {
    const datagrams = session.createStructuredDatagrams(structuredOptions(kind));
    for await (const value of datagrams) datagrams.trySend(value);
  })().catch(ignore);
}

describe('pywebtransport e2e 08: structured messaging (loopback UDP)', () => {
  let server: WebTransportServer;
  let client: WebTransportClient;
  let base: string;
  let caPem: string;

  before(async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    caPem = pki.caPem;
    server = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
      config: { readTimeoutMs: null, writeTimeoutMs: null },
    });
    void (async () => {
      for await (const request of server) {
        const route = /^\/structured-echo\/(json|msgpack|protobuf)$/.exec(request.path);
        if (route === null) {
          request.reject(404);
          continue;
        }
        structuredEcho(request.accept(), route[1] as Kind);
      }
    })();
    client = new WebTransportClient({ config: { readTimeoutMs: 10_000, writeTimeoutMs: 10_000 } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await server?.close({ timeoutMs: 200 });
  });

  const open = (kind: Kind): Promise<WebTransportSession> => client.connect(`${base}/structured-echo/${kind}`, { ca: caPem, timeoutMs: 5000 });

  /** Sends `value` as a datagram until its echo arrives (datagrams may be lost), within about 5 s. */
  async function datagramEcho(session: WebTransportSession, kind: Kind, value: unknown): Promise<unknown> {
    const datagrams = session.createStructuredDatagrams(structuredOptions(kind));
    for (let attempt = 0; attempt < 10; attempt++) {
      datagrams.send(value);
      const echoed = await datagrams.receive({ signal: AbortSignal.timeout(500) }).catch((error: unknown) => {
        if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return undefined;
        throw error;
      });
      if (echoed !== undefined) return echoed;
    }
    throw new Error('no structured datagram echo within 5 s');
  }

  for (const kind of ['json', 'msgpack'] as const) {
    test(`${kind}: UserData and StatusUpdate echo on a structured stream, UserData as a structured datagram`, async () => {
      const session = await open(kind);
      const stream = await session.createStructuredStream(structuredOptions(kind));
      assert.ok(stream instanceof StructuredStream);

      const sent = userData(1, 'test', 'test@example.com');
      await stream.send(sent);
      const echoed = await stream.receive();
      assert.ok(echoed instanceof UserData, 'decoded into the registered class');
      assert.deepEqual({ ...echoed }, { ...sent });

      const now = Date.now() / 1000;
      await stream.send(statusUpdate('active', now));
      const status = await stream.receive();
      assert.ok(status instanceof StatusUpdate);
      assert.equal(status.status, 'active');
      assert.equal(status.timestamp, now);

      await stream.close();
      assert.equal(await stream.receive(), undefined, 'the server ends its side after ours');
      assert.deepEqual(stream.stats, { messagesSent: 2, messagesReceived: 2 });

      const dg = userData(99, 'datagram_user', 'dg@example.com');
      const dgEcho = await datagramEcho(session, kind, dg);
      assert.ok(dgEcho instanceof UserData);
      assert.deepEqual({ ...dgEcho }, { ...dg });
      await session.close();
    });
  }

  test('protobuf: the same scenario with generated-style message descriptors', async () => {
    const session = await open('protobuf');
    const stream = await session.createStructuredStream({ ...structuredOptions('protobuf'), timeoutMs: 2000 });
    await stream.send(create(UserDataPb, { id: 1, name: 'test', email: 'test@example.com' }));
    const echoed = await stream.receiveMessage();
    assert.equal(echoed?.typeId, 1);
    assert.equal(echoed?.name, 'e2e.v1.UserData');
    assert.deepEqual(echoed?.value, create(UserDataPb, { id: 1, name: 'test', email: 'test@example.com' }));

    const now = Date.now() / 1000;
    await stream.send(create(StatusUpdatePb, { status: 'active', timestamp: now }));
    const status = await stream.receive() as { $typeName: string; status: string; timestamp: number };
    assert.equal(status.$typeName, 'e2e.v1.StatusUpdate');
    assert.equal(status.status, 'active');
    assert.equal(status.timestamp, now);
    await stream.close();

    const dgEcho = await datagramEcho(session, 'protobuf', create(UserDataPb, { id: 99, name: 'datagram_user', email: 'dg@example.com' }));
    assert.deepEqual(dgEcho, create(UserDataPb, { id: 99, name: 'datagram_user', email: 'dg@example.com' }));
    await session.close();
  });

  test('several structured streams and datagrams share one session', async () => {
    const session = await open('msgpack');
    const streams = await Promise.all(Array.from({ length: 5 }, () => session.createStructuredStream(structuredOptions('msgpack'))));
    await Promise.all(streams.map((s, i) => s.send(userData(i, `user ${i}`, `u${i}@example.com`))));
    const echoes = await Promise.all(streams.map((s) => s.receive()));
    echoes.forEach((e, i) => assert.deepEqual({ ...(e as UserData) }, { id: i, name: `user ${i}`, email: `u${i}@example.com` }));
    const dgEcho = await datagramEcho(session, 'msgpack', statusUpdate('busy', 1.5));
    assert.deepEqual({ ...(dgEcho as StatusUpdate) }, { status: 'busy', timestamp: 1.5 });
    await session.close();
  });
});
