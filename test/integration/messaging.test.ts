/**
 * Structured messaging over real loopback UDP, through the public API only: typed messages both
 * ways on client- and server-opened streams (MessagePack and Protobuf), typed datagrams both ways
 * (JSON), and a peer sending unknown type ids, malformed and oversized messages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { create, createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { createTestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient, WebTransportServer, type WebTransportSession } from '../../src/index.js';
import {
  MessageRegistry, ProtocolError, SerializationError, StructuredDatagrams, StructuredStream, createStructuredStream, spec,
  frameStreamMessage, type TypeSpec,
} from '../../src/messaging/index.js';
import { JsonSerializer } from '../../src/serializers/json.js';
import { MsgPackSerializer } from '../../src/serializers/msgpack.js';
import { ProtobufSerializer } from '../../src/serializers/protobuf.js';

class Chat {
  static readonly schema = { id: 'integer', text: 'string', blob: spec.optional('bytes') } as const;
  id = 0;
  text = '';
  blob?: Uint8Array;
}
class Reply {
  static readonly schema = { id: 'integer', text: 'string', size: 'integer' } as const;
  id = 0;
  text = '';
  size = 0;
}
class Problem {
  static readonly schema = { kind: 'string', message: 'string' } as const;
  kind = '';
  message = '';
}
class Welcome {
  static readonly schema = { motd: 'string', at: 'bigint' } as const;
  motd = '';
  at = 0n;
}
class Pos {
  static readonly schema = { x: 'integer', y: 'integer' } as const;
  x = 0;
  y = 0;
}

const make = <T extends object>(cls: new () => T, fields: Partial<T>): T => Object.assign(new cls(), fields);
const MAX_MESSAGE = 256 * 1024;
const streamRegistry = (): MessageRegistry<TypeSpec> => new MessageRegistry<TypeSpec>([[1, Chat], [2, Reply], [3, Problem], [4, Welcome]]);
const streamOptions = () => ({ serializer: new MsgPackSerializer({ maxSize: MAX_MESSAGE }), registry: streamRegistry(), maxMessageSize: MAX_MESSAGE });
const datagramOptions = () => ({ serializer: new JsonSerializer(), registry: new MessageRegistry<TypeSpec>([[7, Pos]]) });

/** line.v1.Line { string text = 1; uint32 n = 2; } without protoc. */
function lineSchema(): DescMessage {
  const file = create(FileDescriptorProtoSchema, {
    name: 'line.proto', package: 'line.v1', syntax: 'proto3',
    messageType: [{ name: 'Line', field: [
      { name: 'text', number: 1, type: 9, label: 1, jsonName: 'text' },
      { name: 'n', number: 2, type: 13, label: 1, jsonName: 'n' },
    ] }],
  });
  return createFileRegistry(file, () => undefined).getMessage('line.v1.Line')!;
}
const Line = lineSchema();

/** Answers each Chat with a Reply, reports bad input as a Problem, stops on a framing error. */
async function serveStructured(s: StructuredStream<TypeSpec>): Promise<void> {
  for (;;) {
    let value: unknown;
    try {
      value = await s.receive();
    } catch (error) {
      if (error instanceof SerializationError) {
        await s.send(make(Problem, { kind: 'serialization', message: error.message }));
        continue;
      }
      if (error instanceof ProtocolError) await s.send(make(Problem, { kind: 'protocol', message: error.message }));
      break;
    }
    if (value === undefined) break;
    if (value instanceof Chat) {
      await s.send(make(Reply, { id: value.id, text: value.text.toUpperCase(), size: value.blob?.length ?? 0 }));
    }
  }
  await s.close();
}

async function serveSession(session: WebTransportSession, path: string): Promise<void> {
  if (path === '/proto') {
    for await (const stream of session.incomingBidirectionalStreams) {
      const s = new StructuredStream(stream, { serializer: new ProtobufSerializer(), registry: new MessageRegistry<DescMessage>([[1, Line]]) });
      void (async () => {
        for await (const line of s) {
          const { text, n } = line as { text: string; n: number };
          await s.send(create(Line, { text: text.split('').reverse().join(''), n: n + 1 }));
        }
        await s.close();
      })();
    }
    return;
  }
  // Server-opened stream: a Welcome, then FIN.
  void (async () => {
    const out = await session.createUnidirectionalStream();
    const s = new StructuredStream(out, streamOptions());
    await s.send(make(Welcome, { motd: 'hello from the server', at: 2n ** 60n }));
    await s.close();
  })().catch(() => {});
  void (async () => {
    const d = new StructuredDatagrams(session, datagramOptions());
    for await (const p of d) {
      if (p instanceof Pos) d.trySend(make(Pos, { x: p.x + 1, y: p.y * 2 }));
    }
  })().catch(() => {});
  for await (const stream of session.incomingBidirectionalStreams) {
    void serveStructured(new StructuredStream(stream, streamOptions())).catch(() => {});
  }
}

describe('structured messaging over loopback', () => {
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
      for await (const request of server) void serveSession(request.accept(), request.path).catch(() => {});
    })();
    client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await server?.close({ timeoutMs: 200 });
  });

  const open = (path: string): Promise<WebTransportSession> => client.connect(`${base}${path}`, { ca: caPem, timeoutMs: 5000 });

  test('typed messages both ways on a client-opened stream (MessagePack), pipelined', async () => {
    const session = await open('/chat');
    const s = await createStructuredStream(session, streamOptions());
    const count = 200;
    const blob = new Uint8Array(100_000).map((_, i) => i & 0xff);
    const sending = (async () => {
      for (let id = 0; id < count; id++) await s.send(make(Chat, { id, text: `msg ${id}`, ...(id === 50 ? { blob } : {}) }));
      await s.close();
    })();
    const replies: Reply[] = [];
    for await (const r of s) {
      assert.ok(r instanceof Reply, 'decoded as a Reply instance');
      replies.push(r);
    }
    await sending;
    assert.equal(replies.length, count);
    assert.deepEqual(replies.map((r) => r.id), Array.from({ length: count }, (_, i) => i));
    assert.equal(replies[7]!.text, 'MSG 7');
    assert.equal(replies[50]!.size, 100_000);
    assert.deepEqual(s.stats, { messagesSent: count, messagesReceived: count });
    await session.close();
  });

  test('a server-opened stream delivers a typed Welcome to the client', async () => {
    const session = await open('/chat');
    const iterator = session.incomingUnidirectionalStreams[Symbol.asyncIterator]();
    const { value: stream } = await iterator.next();
    const s = new StructuredStream(stream!, streamOptions());
    const welcome = await s.receive();
    assert.ok(welcome instanceof Welcome);
    assert.equal(welcome.motd, 'hello from the server');
    assert.equal(welcome.at, 2n ** 60n);
    assert.equal(await s.receive(), undefined, 'clean end after the message');
    await session.close();
  });

  test('typed datagrams both ways (JSON)', async () => {
    const session = await open('/chat');
    const d = new StructuredDatagrams(session, datagramOptions());
    let answer: unknown;
    // Datagrams may be lost even on loopback: retry a few times.
    for (let attempt = 0; attempt < 5 && answer === undefined; attempt++) {
      d.send(make(Pos, { x: 10, y: 21 }));
      answer = await d.receive({ signal: AbortSignal.timeout(1000) }).catch(() => undefined);
    }
    assert.ok(answer instanceof Pos);
    assert.deepEqual({ ...answer }, { x: 11, y: 42 });
    assert.ok(d.maxPayloadSize > 100 && d.maxPayloadSize < 1500);
    await session.close();
  });

  test('protobuf messages both ways', async () => {
    const session = await open('/proto');
    const s = await createStructuredStream(session, { serializer: new ProtobufSerializer(), registry: new MessageRegistry<DescMessage>([[1, Line]]) });
    await s.send(create(Line, { text: 'abc', n: 1 }));
    await s.send(create(Line, { text: 'xyz', n: 41 }));
    await s.close();
    const got = [];
    for await (const m of s) got.push(m as { text: string; n: number });
    assert.deepEqual(got.map((m) => [m.text, m.n]), [['cba', 2], ['zyx', 42]]);
    await session.close();
  });

  test('unknown type ids, malformed and oversized messages reach the peer as typed errors', async () => {
    const session = await open('/chat');
    const raw = await session.createBidirectionalStream();
    const s = new StructuredStream(raw, streamOptions());
    const bytes = new MsgPackSerializer();
    await raw.write(frameStreamMessage(999, bytes.serialize({ id: 1 })));
    await raw.write(frameStreamMessage(1, new Uint8Array([0xc1])));
    await raw.write(frameStreamMessage(1, bytes.serialize({ id: 'one', text: 5 })));
    await s.send(make(Chat, { id: 5, text: 'still fine' }));
    await raw.write(new Uint8Array([0, 1, 0x7f, 0xff, 0xff, 0xff])); // claims a 2 GiB payload
    const answers: unknown[] = [];
    for await (const m of s) answers.push(m);
    const problems = answers.filter((a): a is Problem => a instanceof Problem);
    assert.deepEqual(problems.map((p) => p.kind), ['serialization', 'serialization', 'serialization', 'protocol']);
    assert.match(problems[0]!.message, /unknown message type id 999/);
    assert.match(problems[2]!.message, /\$\.id: expected safe integer/);
    assert.match(problems[3]!.message, /maxMessageSize is 262144/);
    const replies = answers.filter((a): a is Reply => a instanceof Reply);
    assert.deepEqual(replies.map((r) => r.text), ['STILL FINE']);
    await session.close();
  });
});
