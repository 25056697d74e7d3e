/** WebTransport capsule decoding is total: any value gives a capsule, undefined, or an H3Error; encodings round-trip. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { H3Error } from '../../src/proto/h3/errors.js';
import { CapsuleType } from '../../src/proto/h3/capsule.js';
import { decodeWtCapsule, encodeWtCapsule, type WtCapsule } from '../../src/proto/webtransport/capsules.js';

const TYPES = [...Object.values(CapsuleType), 0x17, 0x40, 0x190b4d38];

const capsuleArb: fc.Arbitrary<WtCapsule> = fc.oneof(
  fc.record({ kind: fc.constant('closeSession' as const), code: fc.integer({ min: 0, max: 0xffffffff }), reason: fc.string({ unit: 'binary', maxLength: 700 }) }),
  fc.constant({ kind: 'drainSession' as const }),
  fc.record({ kind: fc.constant('maxData' as const), maxData: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }),
  fc.record({ kind: fc.constant('dataBlocked' as const), maxData: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }),
  fc.record({ kind: fc.constant('maxStreams' as const), direction: fc.constantFrom('bidi' as const, 'uni' as const), maxStreams: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }),
  fc.record({ kind: fc.constant('streamsBlocked' as const), direction: fc.constantFrom('bidi' as const, 'uni' as const), maxStreams: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }),
);

describe('WebTransport capsule fuzz', () => {
  test('random values never throw anything but H3Error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.uint8Array({ maxLength: 1100 }), (type, value) => {
        try {
          const c = decodeWtCapsule(type, value);
          if (c?.kind === 'closeSession') assert.ok(c.code >= 0 && c.code <= 0xffffffff);
        } catch (e) {
          assert.ok(e instanceof H3Error, String(e));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('encode then decode is the identity (reason truncated to 1024 bytes)', () => {
    fc.assert(
      fc.property(capsuleArb, (c) => {
        const e = encodeWtCapsule(c);
        const d = decodeWtCapsule(e.type, e.value);
        if (c.kind === 'closeSession') {
          assert.ok(d?.kind === 'closeSession');
          assert.equal(d.code, c.code);
          assert.ok(e.value.length <= 4 + 1024);
          assert.ok(c.reason.startsWith(d.reason) || new TextEncoder().encode(c.reason).length > 1024);
        } else {
          assert.deepEqual(d, { ...c });
        }
      }),
      { numRuns: 1000 },
    );
  });
});
