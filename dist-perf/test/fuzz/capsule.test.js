/** The capsule parser is total and bounded: random, mutated or split input gives capsules or H3Error. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { concatBytes, toHex } from '../../src/proto/util/bytes.js';
import { H3Error } from '../../src/proto/h3/errors.js';
import { CapsuleParser, CapsuleType, encodeCapsule } from '../../src/proto/h3/capsule.js';
const MAX = 64;
function split(bytes, cuts) {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const out = [];
    let prev = 0;
    for (const c of at) {
        out.push(bytes.subarray(prev, c));
        prev = c;
    }
    out.push(bytes.subarray(prev));
    return out;
}
function run(chunks, fin) {
    const p = new CapsuleParser({ maxCapsuleSize: MAX });
    const out = [];
    for (const c of chunks) {
        p.push(c);
        for (let cap = p.next(); cap; cap = p.next()) {
            assert.ok(cap.value.length <= MAX);
            out.push([cap.type, toHex(cap.value)]);
        }
    }
    if (fin)
        p.finish();
    return out;
}
const known = fc.constantFrom(...Object.values(CapsuleType));
const capsule = fc.oneof(fc.tuple(known, fc.uint8Array({ maxLength: MAX })).map(([t, v]) => ({ enc: encodeCapsule(t, v), exp: [[t, toHex(v)]] })), fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.uint8Array({ maxLength: 200 }))
    .filter(([t]) => !Object.values(CapsuleType).includes(t))
    .map(([t, v]) => ({ enc: encodeCapsule(t, v), exp: [] })));
describe('CapsuleParser fuzz', () => {
    test('valid capsule streams parse identically under any split; unknown ones skipped', () => {
        fc.assert(fc.property(fc.array(capsule, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), (caps, cuts) => {
            const bytes = concatBytes(...caps.map((c) => c.enc));
            assert.deepEqual(run(split(bytes, cuts), true), caps.flatMap((c) => c.exp));
        }), { numRuns: 1000 });
    });
    test('random and mutated input: H3Error only', () => {
        const input = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.tuple(fc.array(capsule, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat())
            .map(([caps, flips, cut]) => {
            const b = concatBytes(...caps.map((c) => c.enc)).slice();
            for (const [at, v] of flips)
                b[at % b.length] = v;
            return b.subarray(0, cut % (b.length + 1));
        }));
        fc.assert(fc.property(input, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (bytes, cuts, fin) => {
            try {
                run(split(bytes, cuts), fin);
            }
            catch (e) {
                if (!(e instanceof H3Error))
                    throw e;
            }
        }), { numRuns: 2000 });
    });
});
//# sourceMappingURL=capsule.test.js.map