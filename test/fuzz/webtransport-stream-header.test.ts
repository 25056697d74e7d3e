/**
 * WebTransport stream headers (0x54 + session id on uni streams, 0x41 + session id on bidi
 * streams, src/proto/h3/stream-types.ts) under fast-check: valid headers round-trip with their
 * payload under any split, every truncation waits for more bytes, bad session ids are
 * H3_ID_ERROR, arbitrary bytes never raise anything but H3Error, the reader never keeps more than
 * one prefix's worth of bytes. (Split agreement on arbitrary bytes is in h3-frames.test.ts.)
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { H3Error, H3ErrorCode } from '../../src/proto/h3/errors.js';
import {
  bidiStreamHeaderReader, encodeUniStreamHeader, encodeWebTransportBidiHeader, encodeWebTransportUniHeader,
  parseBidiStreamHeader, parseUniStreamHeader, uniStreamHeaderReader, type StreamHeaderReader,
} from '../../src/proto/h3/stream-types.js';
import { ByteWriter } from '../../src/proto/util/bytes.js';

/** Session ids are client bidi stream ids: multiples of 4 up to the varint range we keep exact. */
const sessionIdArb = fc.oneof(
  fc.integer({ min: 0, max: 1 << 20 }).map((n) => n * 4),
  fc.integer({ min: 0, max: Math.floor((Number.MAX_SAFE_INTEGER - 4) / 4) }).map((n) => n * 4),
);
const badSessionIdArb = fc.integer({ min: 0, max: 2 ** 40 }).filter((n) => n % 4 !== 0);
const directionArb = fc.constantFrom('uni' as const, 'bidi' as const);

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function encode(direction: 'uni' | 'bidi', sessionId: number): Uint8Array {
  return direction === 'uni' ? encodeWebTransportUniHeader(sessionId) : encodeWebTransportBidiHeader(sessionId);
}

function reader(direction: 'uni' | 'bidi'): StreamHeaderReader<{ kind: string; sessionId?: number }> {
  return direction === 'uni' ? uniStreamHeaderReader() : bidiStreamHeaderReader();
}

function parse(direction: 'uni' | 'bidi', bytes: Uint8Array): ReturnType<typeof parseUniStreamHeader> | ReturnType<typeof parseBidiStreamHeader> {
  return direction === 'uni' ? parseUniStreamHeader(bytes) : parseBidiStreamHeader(bytes);
}

describe('WebTransport stream header fuzz', () => {
  test('a header plus payload fed in any pieces gives the session id and exactly the payload', () => {
    fc.assert(fc.property(directionArb, sessionIdArb, fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(), { maxLength: 8 }), (dir, id, payload, cuts) => {
      const header = encode(dir, id);
      const r = reader(dir);
      let got: { kind: string; sessionId?: number } | undefined;
      const after: Uint8Array[] = [];
      for (const piece of split(concat(header, payload), cuts)) {
        const h = r.push(piece);
        if (h !== undefined) {
          got = h;
          after.push(r.remainder);
        }
      }
      assert.deepEqual(got, { kind: 'webtransport', sessionId: id });
      assert.deepEqual(after.reduce(concat, new Uint8Array(0)), payload);
    }), { numRuns: 1500 });
  });

  test('every strict prefix of a header waits for more bytes', () => {
    fc.assert(fc.property(directionArb, sessionIdArb, (dir, id) => {
      const header = encode(dir, id);
      for (let n = 0; n < header.length; n++) assert.equal(parse(dir, header.subarray(0, n)), undefined, `prefix ${n}/${header.length}`);
      const whole = parse(dir, header);
      assert.equal(whole?.consumed, header.length);
    }), { numRuns: 1000 });
  });

  test('a session id that is not a client bidi stream id is H3_ID_ERROR, in any encoding length', () => {
    fc.assert(fc.property(directionArb, badSessionIdArb, fc.integer({ min: 0, max: 3 }), (dir, id, widen) => {
      // The same value in a wider varint than needed is still that value (RFC 9000 §16).
      const w = new ByteWriter(16).varint(dir === 'uni' ? 0x54 : 0x41);
      const width = Math.max([1, 2, 4, 8].find((b) => id < 2 ** (b * 8 - 2))!, [1, 2, 4, 8][widen]!);
      const bytes = new Uint8Array(width);
      let v = BigInt(id);
      for (let i = width - 1; i >= 0; i--) {
        bytes[i] = Number(v & 0xffn);
        v >>= 8n;
      }
      bytes[0] = bytes[0]! | ({ 1: 0x00, 2: 0x40, 4: 0x80, 8: 0xc0 } as Record<number, number>)[width]!;
      const data = concat(w.finish(), bytes);
      assert.throws(() => parse(dir, data), (e: unknown) => e instanceof H3Error && e.code === H3ErrorCode.H3_ID_ERROR);
      assert.throws(() => {
        const r = reader(dir);
        for (const b of data) r.push(new Uint8Array([b]));
      }, (e: unknown) => e instanceof H3Error && e.code === H3ErrorCode.H3_ID_ERROR);
    }), { numRuns: 1000 });
  });

  test('arbitrary bytes: only H3Error, consumed within the input, reader memory bounded', () => {
    fc.assert(fc.property(directionArb, fc.uint8Array({ maxLength: 40 }), (dir, bytes) => {
      try {
        const p = parse(dir, bytes);
        if (p !== undefined) assert.ok(p.consumed >= 0 && p.consumed <= Math.min(bytes.length, 16));
      } catch (e) {
        assert.ok(e instanceof H3Error, String(e));
        assert.ok(e.code === H3ErrorCode.H3_ID_ERROR);
      }
      const r = reader(dir);
      try {
        for (const b of bytes) {
          if (r.push(new Uint8Array([b])) !== undefined) break;
          // What it holds while waiting is at most one prefix (two varints, 16 bytes).
          assert.ok((r as unknown as { pending: Uint8Array }).pending.length < 16);
        }
      } catch (e) {
        assert.ok(e instanceof H3Error, String(e));
      }
    }), { numRuns: 2000 });
  });

  test('uni stream types other than WebTransport parse to their kind; GREASE is marked reserved', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 0, max: 2 ** 30 }), (type, pushId) => {
      const header = type === 0x01 ? { kind: 'push' as const, pushId }
        : type === 0x00 ? { kind: 'control' as const }
          : type === 0x02 ? { kind: 'qpackEncoder' as const }
            : type === 0x03 ? { kind: 'qpackDecoder' as const }
              : type === 0x54 ? { kind: 'webtransport' as const, sessionId: pushId * 4 }
                : { kind: 'unknown' as const, streamType: type, reserved: type >= 0x21 && (type - 0x21) % 0x1f === 0 };
      const bytes = encodeUniStreamHeader(header);
      const parsed = parseUniStreamHeader(bytes);
      assert.deepEqual(parsed, { header, consumed: bytes.length });
    }), { numRuns: 1000 });
  });

  test('a bidi stream not starting with 0x41 is an ordinary request and consumes nothing', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 20 }).filter((b) => b[0] !== 0x41 && !(b[0] === 0x40 && b[1] === 0x41)), (bytes) => {
      let p: ReturnType<typeof parseBidiStreamHeader>;
      try {
        p = parseBidiStreamHeader(bytes);
      } catch (e) {
        assert.fail(`a non-WebTransport bidi stream threw ${String(e)}`);
      }
      if (p !== undefined) assert.deepEqual(p, { header: { kind: 'request' }, consumed: 0 });
    }), { numRuns: 1000 });
  });
});
