import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { concatBytes, fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { H3Error, H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { CapsuleParser, CapsuleType, encodeCapsule, encodeCapsuleHeader, encodeDatagramCapsule, encodeGreaseCapsule, encodeVarintCapsule, isReservedCapsuleType, } from '../../../../src/proto/h3/capsule.js';
import { SeededRandom } from '../../../../src/testing/seeded-random.js';
function parseAll(bytes, step, options) {
    const p = new CapsuleParser(options);
    const out = [];
    for (let i = 0; i < bytes.length; i += step) {
        p.push(bytes.subarray(i, i + step));
        for (let c = p.next(); c; c = p.next())
            out.push([c.type, toHex(c.value)]);
    }
    p.finish();
    return out;
}
function throwsH3(fn, code) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === code);
}
describe('capsule codepoints and encoders', () => {
    test('values of RFC 9297 and the WebTransport drafts', () => {
        assert.equal(CapsuleType.DATAGRAM, 0);
        assert.equal(CapsuleType.CLOSE_WEBTRANSPORT_SESSION, 0x2843);
        assert.equal(CapsuleType.DRAIN_WEBTRANSPORT_SESSION, 0x78ae);
        assert.equal(CapsuleType.WT_MAX_DATA, 0x190b4d3d);
        assert.equal(CapsuleType.WT_MAX_STREAMS_BIDI, 0x190b4d3f);
        assert.equal(CapsuleType.WT_MAX_STREAMS_UNI, 0x190b4d40);
        assert.equal(CapsuleType.WT_DATA_BLOCKED, 0x190b4d41);
        assert.equal(CapsuleType.WT_STREAMS_BLOCKED_BIDI, 0x190b4d43);
        assert.equal(CapsuleType.WT_STREAMS_BLOCKED_UNI, 0x190b4d44);
    });
    test('derived byte strings of test-vectors §13', () => {
        assert.equal(toHex(encodeCapsule(CapsuleType.CLOSE_WEBTRANSPORT_SESSION, fromHex('00000000'))), '684304' + '00000000');
        assert.equal(toHex(encodeCapsule(CapsuleType.DRAIN_WEBTRANSPORT_SESSION, new Uint8Array(0))), '800078ae00');
        assert.equal(toHex(encodeVarintCapsule(CapsuleType.WT_MAX_DATA, 1000)), '990b4d3d' + '02' + '43e8');
        assert.equal(toHex(encodeDatagramCapsule(fromHex('6869'))), '00026869');
        assert.equal(toHex(encodeCapsuleHeader(0x2843, 300)), '6843412c');
    });
    test('GREASE capsules use reserved types and are skipped', () => {
        const rng = new SeededRandom(5);
        for (let i = 0; i < 50; i++) {
            const g = encodeGreaseCapsule(rng);
            const p = new CapsuleParser();
            p.push(g);
            assert.equal(p.next(), undefined);
            assert.equal(p.skipped, 1);
            p.finish();
        }
        assert.ok(isReservedCapsuleType(0x17) && isReservedCapsuleType(0x17 + 0x29) && !isReservedCapsuleType(0x18));
    });
});
describe('CapsuleParser', () => {
    const stream = concatBytes(encodeGreaseCapsule(new SeededRandom(1), 20), encodeDatagramCapsule(fromHex('010203')), encodeCapsule(0x1234, new Uint8Array(40)), encodeCapsule(CapsuleType.CLOSE_WEBTRANSPORT_SESSION, fromHex('0000002a 6279 65')), encodeCapsule(CapsuleType.DRAIN_WEBTRANSPORT_SESSION, new Uint8Array(0)));
    test('same capsules whatever the split (a capsule may span DATA frames)', () => {
        for (const step of [1, 2, 3, 7, stream.length]) {
            assert.deepEqual(parseAll(stream, step), [[0, '010203'], [0x2843, '0000002a627965'], [0x78ae, '']], `step ${step}`);
        }
    });
    test('unknown capsules are skipped without buffering their value', () => {
        const p = new CapsuleParser();
        p.push(encodeCapsuleHeader(0x1234, 10_000_000));
        assert.equal(p.next(), undefined);
        for (let i = 0; i < 10; i++) {
            p.push(new Uint8Array(1_000_000));
            assert.equal(p.next(), undefined);
        }
        p.push(encodeDatagramCapsule(fromHex('aa')));
        assert.deepEqual(p.next(), { type: 0, value: fromHex('aa') });
        assert.equal(p.skipped, 1);
    });
    test('only chosen types are delivered', () => {
        assert.deepEqual(parseAll(stream, 4, { knownTypes: new Set([CapsuleType.DRAIN_WEBTRANSPORT_SESSION]) }), [[0x78ae, '']]);
    });
    test('a known capsule above the limit is H3_EXCESSIVE_LOAD before buffering', () => {
        const p = new CapsuleParser({ maxCapsuleSize: 16 });
        p.push(encodeCapsuleHeader(CapsuleType.DATAGRAM, 17));
        throwsH3(() => p.next(), H3ErrorCode.H3_EXCESSIVE_LOAD);
    });
    test('a truncated capsule at a clean end is H3_MESSAGE_ERROR', () => {
        const full = encodeCapsule(CapsuleType.CLOSE_WEBTRANSPORT_SESSION, fromHex('00000000'));
        for (let cut = 1; cut < full.length; cut++)
            throwsH3(() => parseAll(full.subarray(0, cut), 1), H3ErrorCode.H3_MESSAGE_ERROR);
        const skip = encodeCapsule(0x1234, new Uint8Array(5));
        throwsH3(() => parseAll(skip.subarray(0, 4), 1), H3ErrorCode.H3_MESSAGE_ERROR);
    });
});
//# sourceMappingURL=capsule.test.js.map