/** Pending-stream buffer under random operation sequences: limits always hold, nothing is lost or duplicated. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PendingBuffer } from '../../src/proto/webtransport/pending-streams.js';

type Op =
  | { op: 'stream'; session: number; dt: number }
  | { op: 'datagram'; session: number; size: number; dt: number }
  | { op: 'take'; session: number }
  | { op: 'close'; session: number }
  | { op: 'expire'; dt: number };

const session = fc.integer({ min: 0, max: 5 }).map((n) => n * 4);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('stream' as const), session, dt: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ op: fc.constant('datagram' as const), session, size: fc.integer({ min: 0, max: 600 }), dt: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ op: fc.constant('take' as const), session }),
  fc.record({ op: fc.constant('close' as const), session }),
  fc.record({ op: fc.constant('expire' as const), dt: fc.integer({ min: 0, max: 2000 }) }),
);

describe('PendingBuffer fuzz', () => {
  test('count, byte and age limits hold; every stream is delivered or rejected exactly once', () => {
    fc.assert(
      fc.property(
        fc.record({ maxStreams: fc.integer({ min: 0, max: 8 }), maxDatagrams: fc.integer({ min: 1, max: 8 }), maxDatagramBytes: fc.integer({ min: 1, max: 2000 }) }),
        fc.array(opArb, { maxLength: 80 }),
        (limits, ops) => {
          const p = new PendingBuffer({ ...limits, maxAge: 1000, recentlyClosed: 3 });
          let now = 0;
          let nextStream = 2;
          const live = new Set<number>();
          const done = new Set<number>();
          const finish = (id: number): void => {
            assert.ok(live.delete(id), `stream ${id} finished twice or never buffered`);
            done.add(id);
          };
          for (const o of ops) {
            if (o.op === 'stream') {
              now += o.dt;
              const id = nextStream;
              nextStream += 4;
              const r = p.addStream(now, o.session, id, 'uni');
              if (r === 'buffered') live.add(id);
              else done.add(id);
            } else if (o.op === 'datagram') {
              now += o.dt;
              p.addDatagram(now, o.session, new Uint8Array(o.size));
            } else if (o.op === 'take') {
              for (const s of p.takeSession(o.session).streams) {
                assert.equal(s.sessionId, o.session);
                finish(s.streamId);
              }
            } else if (o.op === 'close') {
              for (const s of p.closeSession(o.session)) finish(s.streamId);
            } else {
              now += o.dt;
              for (const s of p.expire(now)) {
                assert.ok(now - s.arrivedAt >= 1000);
                finish(s.streamId);
              }
              const d = p.nextDeadline();
              if (d !== undefined) assert.ok(d > now);
            }
            assert.ok(p.streamCount <= limits.maxStreams);
            assert.ok(p.datagramCount <= limits.maxDatagrams);
            assert.ok(p.bufferedDatagramBytes <= limits.maxDatagramBytes && p.bufferedDatagramBytes >= 0);
            assert.equal(p.streamCount, live.size);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
