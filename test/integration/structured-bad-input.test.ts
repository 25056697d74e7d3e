/**
 * Bad input for structured streams and datagrams over real loopback UDP, with JSON, MessagePack
 * and Protobuf. The server is a raw peer: on `/replay` it writes back, unframed, exactly the bytes
 * a stream asks for (first byte: 0 = then FIN, 1 = keep the stream open) and echoes datagrams
 * verbatim, so the client's StructuredStream / StructuredDatagrams receive hand-made bad frames:
 * truncated header or payload, a length over the maximum, unknown type ids, payloads the
 * serializer cannot decode, payloads over the serializer's limit and depth bombs. Each is a typed
 * error, the session and other streams keep working, and an oversized declared length is refused
 * from the header alone (nothing of its payload is waited for). On `/echo/<kind>` the server
 * echoes structured messages, for the send-side refusals.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { create, createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { createTestPki } from '../../src/testing/test-pki.js';
import {
  DatagramError, MessageRegistry, ProtocolError, SerializationError, StreamError, StreamStoppedError, StructuredStream, WebTransportClient,
  WebTransportServer, frameDatagram, frameStreamMessage, type Serializer, type StructuredDatagrams, type WebTransportSession,
  type WebTransportStream,
} from '../../src/index.js';
import type { TypeSpec } from '../../src/messaging/index.js';
import { JsonSerializer } from '../../src/serializers/json.js';
import { MsgPackSerializer } from '../../src/serializers/msgpack.js';
import { ProtobufSerializer } from '../../src/serializers/protobuf.js';

class Chat {
  static readonly schema = { id: 'integer', text: 'string' } as const;
  id = 0;
  text = '';
}
class NotRegistered {
  static readonly schema = { n: 'integer' } as const;
  n = 0;
}
const chat = (id: number, text: string): Chat => Object.assign(new Chat(), { id, text });

/** bad.v1.Chat { int32 id = 1; string text = 2; Chat reply = 3; } (recursive, for depth bombs). */
function chatSchema(): DescMessage {
  const file = create(FileDescriptorProtoSchema, {
    name: 'bad.proto', package: 'bad.v1', syntax: 'proto3',
    messageType: [{ name: 'Chat', field: [
      { name: 'id', number: 1, type: 5, label: 1, jsonName: 'id' },
      { name: 'text', number: 2, type: 9, label: 1, jsonName: 'text' },
      { name: 'reply', number: 3, type: 11, label: 1, typeName: '.bad.v1.Chat', jsonName: 'reply' },
    ] }],
  });
  return createFileRegistry(file, () => undefined).getMessage('bad.v1.Chat')!;
}
const ChatPb = chatSchema();

type Kind = 'json' | 'msgpack' | 'protobuf';
const KINDS: readonly Kind[] = ['json', 'msgpack', 'protobuf'];
const enc = new TextEncoder();

function serializerOf(kind: Kind, maxSize: number): Serializer<unknown> {
  if (kind === 'protobuf') return new ProtobufSerializer({ maxSize }) as Serializer<unknown>;
  return (kind === 'json' ? new JsonSerializer({ maxSize }) : new MsgPackSerializer({ maxSize })) as Serializer<unknown>;
}

function options(kind: Kind, maxSize: number): { serializer: Serializer<unknown>; registry: MessageRegistry<unknown> } {
  const registry = kind === 'protobuf'
    ? new MessageRegistry<unknown>([[1, ChatPb]])
    : new MessageRegistry<TypeSpec>([[1, Chat]]) as MessageRegistry<unknown>;
  return { serializer: serializerOf(kind, maxSize), registry };
}

const goodValue = (kind: Kind, id: number, text: string): unknown => (kind === 'protobuf' ? create(ChatPb, { id, text }) : chat(id, text));

function assertGood(kind: Kind, value: unknown, id: number, text: string): void {
  if (kind === 'protobuf') assert.deepEqual(value, create(ChatPb, { id, text }));
  else {
    assert.ok(value instanceof Chat);
    assert.deepEqual({ ...value }, { id, text });
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A payload of this codec nested `depth` levels deep. */
function depthBomb(kind: Kind, depth: number): Uint8Array {
  if (kind === 'json') return enc.encode('['.repeat(depth) + ']'.repeat(depth));
  if (kind === 'msgpack') return concat(new Uint8Array(depth).fill(0x91), new Uint8Array([0x00])); // fixarray(1) ... 0
  let inner: Uint8Array = new Uint8Array([0x08, 0x01]); // id = 1
  for (let i = 0; i < depth; i++) {
    const len = inner.length < 0x80 ? [inner.length] : [(inner.length & 0x7f) | 0x80, inner.length >>> 7];
    inner = concat(new Uint8Array([0x1a, ...len]), inner); // field 3 (reply), length-delimited
  }
  return inner;
}

/** Bytes the codec cannot parse at all. */
function malformed(kind: Kind): Uint8Array {
  if (kind === 'json') return enc.encode('{"id": 1, "text": ');
  if (kind === 'msgpack') return new Uint8Array([0xc1]); // the one byte MessagePack never uses
  return new Uint8Array([0x12, 0x10, 0x41]); // field 2: 16-byte string with 1 byte present
}

/** Parses, but is not a Chat (wrong field types; for protobuf a wire type that does not exist). */
function wrongShape(kind: Kind): Uint8Array {
  if (kind === 'json') return enc.encode('{"id": "one", "text": 5}');
  if (kind === 'msgpack') return new MsgPackSerializer().serialize({ id: 'one', text: 5 });
  return new Uint8Array([0x0f]);
}

const isSerialization = (pattern?: RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof SerializationError, `expected a SerializationError, got ${String(e)}`);
  assert.equal(e.code, 'WT_ERR_SERIALIZATION');
  if (pattern !== undefined) assert.match(e.message, pattern);
  return true;
};
const isProtocol = (pattern: RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof ProtocolError, `expected a ProtocolError, got ${String(e)}`);
  assert.equal(e.code, 'WT_ERR_PROTOCOL');
  assert.match(e.message, pattern);
  return true;
};
const isTimeout = (e: unknown): boolean => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

/** What the raw server saw on streams it kept open, by the tag the client sent. */
const observed = new Map<string, { stoppedWith: unknown }>();

async function replay(stream: WebTransportStream): Promise<void> {
  const request = await stream.readAll();
  const keepOpen = request[0] === 1;
  const tagLength = request[1]!;
  const tag = new TextDecoder().decode(request.subarray(2, 2 + tagLength));
  const bytes = request.subarray(2 + tagLength);
  if (!keepOpen) {
    await stream.write(bytes, { endStream: true });
    return;
  }
  await stream.write(bytes);
  // Nothing more is sent: the client must refuse from what it has. Its STOP_SENDING ends our side.
  await stream.waitClosed();
  const error = await stream.write(new Uint8Array(1)).then(() => undefined, (e: unknown) => e);
  observed.set(tag, { stoppedWith: error });
}

function serve(session: WebTransportSession): void {
  const ignore = (): undefined => undefined;
  const echoKind = /^\/echo\/(json|msgpack|protobuf)$/.exec(session.path)?.[1] as Kind | undefined;
  void (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      if (echoKind === undefined) {
        void replay(stream).catch(ignore);
        continue;
      }
      const s = new StructuredStream(stream, options(echoKind, 64 * 1024));
      void (async () => {
        for await (const value of s) await s.send(value);
        await s.close();
      })().catch(ignore);
    }
  })().catch(ignore);
  void (async () => {
    if (echoKind === undefined) {
      for await (const d of session.datagrams) session.datagrams.trySend(d);
      return;
    }
    const datagrams = session.createStructuredDatagrams({ ...options(echoKind, 64 * 1024), invalid: 'drop' });
    for await (const value of datagrams) datagrams.trySend(value);
  })().catch(ignore);
}

describe('structured messaging: bad input over loopback UDP', () => {
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
      for await (const request of server) serve(request.accept());
    })();
    client = new WebTransportClient({ config: { readTimeoutMs: 10_000, writeTimeoutMs: 10_000 } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await server?.close({ timeoutMs: 200 });
  });

  const open = (path: string): Promise<WebTransportSession> => client.connect(`${base}${path}`, { ca: caPem, timeoutMs: 5000 });

  /** A client stream whose peer writes exactly `bytes` (then FIN unless keepOpen). */
  async function rawPeer(session: WebTransportSession, bytes: Uint8Array, opts: { keepOpen?: boolean; tag?: string } = {}): Promise<WebTransportStream> {
    const stream = await session.createBidirectionalStream();
    const tag = enc.encode(opts.tag ?? '');
    await stream.write(concat(new Uint8Array([opts.keepOpen === true ? 1 : 0, tag.length]), tag, bytes), { endStream: true });
    return stream;
  }

  /** Sends `bytes` as a raw datagram until its echo comes back, and checks what receive() makes of it. */
  async function datagramOutcome(session: WebTransportSession, d: StructuredDatagrams<unknown>, bytes: Uint8Array, check: (e: unknown) => boolean): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      session.datagrams.send(bytes);
      const error = await d.receiveMessage({ signal: AbortSignal.timeout(500) }).then(
        (m) => assert.fail(`expected an error, received ${JSON.stringify(m.value)}`),
        (e: unknown) => e,
      );
      if (isTimeout(error)) continue; // the datagram was lost: send it again
      assert.ok(check(error));
      return;
    }
    assert.fail('no datagram echo');
  }

  async function datagramValue(session: WebTransportSession, d: StructuredDatagrams<unknown>, bytes: Uint8Array): Promise<unknown> {
    for (let attempt = 0; attempt < 10; attempt++) {
      session.datagrams.send(bytes);
      const value = await d.receive({ signal: AbortSignal.timeout(500) }).catch((e: unknown) => {
        if (isTimeout(e)) return undefined;
        throw e;
      });
      if (value !== undefined) return value;
    }
    return assert.fail('no datagram echo');
  }

  for (const kind of KINDS) {
    test(`${kind}: a stream receiving unknown ids, undecodable, oversized and too-deep payloads gets typed errors and goes on`, async () => {
      const session = await open('/replay');
      const codec = serializerOf(kind, 64 * 1024);
      const good = codec.serialize(goodValue(kind, 7, 'still fine'), kind === 'protobuf' ? ChatPb : undefined);
      const wire = concat(
        frameStreamMessage(999, good),
        frameStreamMessage(1, malformed(kind)),
        frameStreamMessage(1, wrongShape(kind)),
        frameStreamMessage(1, depthBomb(kind, 2000)),
        frameStreamMessage(1, new Uint8Array(20_000)), // over the serializer's 16 KiB, under maxMessageSize
        frameStreamMessage(1, good),
        new Uint8Array([0, 1, 0]), // a header cut short by the FIN
      );
      const s = new StructuredStream(await rawPeer(session, wire), { ...options(kind, 16 * 1024), maxMessageSize: 64 * 1024 });
      await assert.rejects(s.receive(), isSerialization(/unknown message type id 999/));
      await assert.rejects(s.receive(), isSerialization());
      await assert.rejects(s.receive(), isSerialization());
      await assert.rejects(s.receive(), isSerialization(/deeper than 64|recursion/));
      await assert.rejects(s.receive(), isSerialization(/exceeds the limit of 16384/));
      assertGood(kind, await s.receive(), 7, 'still fine');
      await assert.rejects(s.receive(), isProtocol(/inside a message header \(3 of 6 bytes\)/));
      await assert.rejects(s.receive(), isProtocol(/inside a message header/), 'framing is lost for good');

      const cut = new StructuredStream(await rawPeer(session, frameStreamMessage(1, good).subarray(0, 9)), options(kind, 16 * 1024));
      await assert.rejects(cut.receive(), isProtocol(/inside a message payload \(3 of \d+ bytes, type 1\)/));

      // The session and new streams are unaffected.
      const next = new StructuredStream(await rawPeer(session, frameStreamMessage(1, good)), options(kind, 16 * 1024));
      assertGood(kind, await next.receive(), 7, 'still fine');
      assert.equal(await next.receive(), undefined);
      assert.equal(session.isReady, true);
      await session.close();
    });

    test(`${kind}: structured datagrams that are short, unknown, undecodable, oversized or too deep are typed errors`, async () => {
      const session = await open('/replay');
      const d = session.createStructuredDatagrams(options(kind, 256));
      const good = frameDatagram(1, serializerOf(kind, 256).serialize(goodValue(kind, 3, 'dg'), kind === 'protobuf' ? ChatPb : undefined));
      const bad: [Uint8Array, (e: unknown) => boolean][] = [
        [new Uint8Array([0x01]), isProtocol(/shorter than its type id/)],
        [frameDatagram(0xbeef, good.subarray(2)), isSerialization(/unknown message type id 48879/)],
        [frameDatagram(1, malformed(kind)), isSerialization()],
        [frameDatagram(1, wrongShape(kind)), isSerialization()],
        [frameDatagram(1, depthBomb(kind, 80)), isSerialization(/deeper than 64|recursion/)],
        [frameDatagram(1, new Uint8Array(600)), isSerialization(/exceeds the limit of 256/)],
      ];
      for (const [bytes, check] of bad) await datagramOutcome(session, d, bytes, check);
      assertGood(kind, await datagramValue(session, d, good), 3, 'dg');

      // invalid: 'drop' skips and counts them instead.
      const dropping = session.createStructuredDatagrams({ ...options(kind, 256), invalid: 'drop' });
      for (const [bytes] of bad) session.datagrams.send(bytes);
      assertGood(kind, await datagramValue(session, dropping, good), 3, 'dg');
      assert.ok(dropping.stats.invalid >= 1 && dropping.stats.invalid <= bad.length, `invalid ${dropping.stats.invalid}`);
      assert.equal(session.isReady, true);
      await session.close();
    });

    test(`${kind}: sending unregistered, unencodable or oversized messages is refused locally, then sending goes on`, async () => {
      const session = await open(`/echo/${kind}`);
      const s = await session.createStructuredStream({ ...options(kind, 4096), maxMessageSize: 512 });
      await assert.rejects(s.send({ id: 1, text: 'plain object' }), isSerialization(/no registered message type for plain object/));
      await assert.rejects(s.send(Object.assign(new NotRegistered(), { n: 1 })), isSerialization(/instance of NotRegistered/));
      await assert.rejects(s.send(goodValue(kind, 1, 'x'.repeat(1000))), isSerialization(/exceeds maxMessageSize 512/));
      await assert.rejects(s.send(goodValue(kind, 1, 'y'.repeat(5000))), isSerialization(/exceeds the limit of 4096/));
      if (kind === 'json') {
        const loop = chat(1, 'loop') as Chat & { self?: unknown };
        loop.self = loop;
        await assert.rejects(s.send(loop), isSerialization(/json: cannot encode/));
      } else if (kind === 'msgpack') {
        let deep: unknown = 0;
        for (let i = 0; i < 100; i++) deep = [deep];
        await assert.rejects(s.send(Object.assign(chat(1, 'deep'), { extra: deep })), isSerialization(/msgpack: cannot encode/));
      } else {
        await assert.rejects(s.send({ id: 1 }, ChatPb), isSerialization(/not a bad\.v1\.Chat message/));
      }
      assert.equal(s.stats.messagesSent, 0, 'nothing was written');
      await s.send(goodValue(kind, 2, 'after the refusals'));
      assertGood(kind, await s.receive(), 2, 'after the refusals');
      await s.close();
      assert.equal(await s.receive(), undefined);
      await assert.rejects(s.send(goodValue(kind, 3, 'too late')), StreamError);

      const d = session.createStructuredDatagrams(options(kind, 4096));
      assert.throws(() => d.send({ id: 1 }), isSerialization());
      assert.throws(() => d.send(goodValue(kind, 1, 'z'.repeat(2000))), (e: unknown) => e instanceof DatagramError && e.reason === 'too-large');
      assert.equal(d.trySend(goodValue(kind, 1, 'z'.repeat(2000))), false);
      let echoed: unknown;
      for (let attempt = 0; attempt < 10 && echoed === undefined; attempt++) {
        d.send(goodValue(kind, 4, 'datagram after the refusals'));
        echoed = await d.receive({ signal: AbortSignal.timeout(500) }).catch((e: unknown) => (isTimeout(e) ? undefined : Promise.reject(e)));
      }
      assertGood(kind, echoed, 4, 'datagram after the refusals');
      await session.close();
    });
  }

  test('a declared length over maxMessageSize is refused from the header alone: STOP_SENDING, session unharmed', async () => {
    const session = await open('/replay');
    const opts = { ...options('msgpack', 4096), maxMessageSize: 4096, protocolErrorCode: 0x51 };
    // Header only, claiming 4 GiB - 1; the peer then sends nothing and keeps the stream open.
    const huge = new StructuredStream(await rawPeer(session, new Uint8Array([0, 1, 0xff, 0xff, 0xff, 0xff]), { keepOpen: true, tag: 'huge' }), opts);
    await assert.rejects(huge.receive(), isProtocol(/4294967295-byte message \(type 1\); maxMessageSize is 4096/));
    await assert.rejects(huge.receive(), ProtocolError, 'sticky');
    // One byte over the limit, payload present: still refused from the header.
    const over = frameStreamMessage(1, new Uint8Array(4097));
    const justOver = new StructuredStream(await rawPeer(session, over, { keepOpen: true, tag: 'over' }), opts);
    await assert.rejects(justOver.receive(), isProtocol(/4097-byte message/));

    // The peer sees our STOP_SENDING with the configured code on both streams.
    for (const tag of ['huge', 'over']) {
      for (let i = 0; i < 500 && !observed.has(tag); i++) await new Promise((r) => setTimeout(r, 10));
      const stopped = observed.get(tag)?.stoppedWith;
      assert.ok(stopped instanceof StreamStoppedError, `${tag}: ${String(stopped)}`);
      assert.equal(Number(stopped.streamErrorCode), 0x51);
    }

    const next = new StructuredStream(await rawPeer(session, frameStreamMessage(1, new MsgPackSerializer().serialize(chat(9, 'ok')))), opts);
    assertGood('msgpack', await next.receive(), 9, 'ok');
    assert.equal(session.isReady, true);
    await session.close();
  });
});
