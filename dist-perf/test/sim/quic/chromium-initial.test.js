/**
 * The real Chromium 156 first flight (two 1250-byte Initials, the ClientHello in 17 shuffled CRYPTO
 * fragments, zero-length client SCID, PNs from 1) fed into a server Endpoint, in order and reversed.
 * The answer is decrypted with the server Initial keys and checked: ACK of PNs 1-2, a ServerHello
 * choosing x25519, Handshake packets, an empty DCID, and at most 3x the bytes received.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Endpoint } from '../../../src/proto/quic/endpoint/endpoint.js';
import { nodeCryptoProvider } from '../../../src/crypto/node-provider.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
import { fromHex } from '../../../src/proto/util/bytes.js';
import { parseHeader } from '../../../src/proto/quic/wire/header.js';
import { decodeFrames } from '../../../src/proto/quic/wire/frame-decoder.js';
import { decodePacketNumber } from '../../../src/proto/quic/wire/header.js';
import { decryptPayload, initialKeys, unprotectHeader } from '../../../src/proto/quic/packet/protection.js';
const FIXTURE = '/work/shared/interop/chromium/chromium-initial-flight.hex';
const CHROMIUM_DCID = fromHex('c32ef22b32637135');
const CLIENT = { address: '127.0.0.1', port: 50_000 };
function flight() {
    return readFileSync(FIXTURE, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0).map((l) => fromHex(l));
}
async function answerTo(datagrams) {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
    const server = new Endpoint({ server: { tls: { certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: ['h3'] } } }, { crypto: nodeCryptoProvider, random: new SeededRandom(7) });
    let now = 1_000_000;
    let receivedBytes = 0;
    for (const d of datagrams) {
        receivedBytes += d.length;
        server.handleDatagram(now, d.slice(), CLIENT);
        now += 1_000;
    }
    const keys = initialKeys(nodeCryptoProvider, CHROMIUM_DCID).server;
    const out = new Uint8Array(65_536);
    const packets = [];
    let sentBytes = 0;
    for (let t = server.pollTransmit(now, out); t; t = server.pollTransmit(now, out)) {
        assert.deepEqual(t.remote, CLIENT);
        sentBytes += t.size;
        const datagram = out.slice(0, t.size);
        for (let offset = 0; offset < datagram.length;) {
            const h = parseHeader(datagram, offset, 0);
            assert.ok(h.kind === 'initial' || h.kind === 'handshake', `unexpected packet ${h.kind}`);
            let frames;
            if (h.kind === 'initial') {
                const packet = datagram.subarray(offset, h.packetEnd);
                const pnOffset = h.pnOffset - offset;
                const u = unprotectHeader(keys.hp, packet, pnOffset);
                const pn = decodePacketNumber(-1, u.truncatedPn, u.pnLength * 8);
                const plain = decryptPayload(keys, packet, pnOffset + u.pnLength, pn);
                assert.ok(plain, 'server Initial must decrypt with the Initial keys of the client DCID');
                frames = decodeFrames(plain, 'initial');
            }
            packets.push({ kind: h.kind, dcid: h.dcid, frames });
            offset = h.packetEnd;
        }
    }
    return { packets, sentBytes, receivedBytes };
}
/** The selected key_share group of a ServerHello (handshake type 2), found in the CRYPTO bytes at offset 0. */
function serverHelloGroup(crypto) {
    assert.equal(crypto[0], 2, 'first handshake message is a ServerHello');
    let p = 4 + 2 + 32; // header, legacy_version, random
    p += 1 + crypto[p]; // legacy_session_id_echo
    p += 2 + 1; // cipher_suite, compression
    const extEnd = p + 2 + ((crypto[p] << 8) | crypto[p + 1]);
    p += 2;
    while (p < extEnd) {
        const type = (crypto[p] << 8) | crypto[p + 1];
        const len = (crypto[p + 2] << 8) | crypto[p + 3];
        if (type === 51)
            return (crypto[p + 4] << 8) | crypto[p + 5];
        p += 4 + len;
    }
    throw new Error('no key_share in ServerHello');
}
function checkAnswer(r) {
    const initials = r.packets.filter((p) => p.kind === 'initial');
    const handshakes = r.packets.filter((p) => p.kind === 'handshake');
    assert.ok(initials.length >= 1, 'an Initial answer');
    assert.ok(handshakes.length >= 1, 'Handshake packets follow');
    for (const p of r.packets)
        assert.equal(p.dcid.length, 0, 'addressed to the empty client CID');
    const frames = initials.flatMap((p) => p.frames ?? []);
    const ack = frames.find((f) => f.type === 'ack');
    assert.ok(ack && ack.type === 'ack', 'the Initial carries an ACK');
    const acked = new Set();
    for (const range of ack.ranges)
        for (let pn = range.smallest; pn <= range.largest; pn++)
            acked.add(pn);
    assert.deepEqual([...acked].sort(), [1, 2]);
    const crypto = frames.filter((f) => f.type === 'crypto').sort((a, b) => a.offset - b.offset);
    assert.ok(crypto.length > 0 && crypto[0].offset === 0, 'ServerHello in a CRYPTO frame');
    assert.equal(serverHelloGroup(crypto[0].data), 0x001d, 'x25519 selected (no HelloRetryRequest)');
    assert.ok(r.sentBytes <= 3 * r.receivedBytes, `anti-amplification: sent ${r.sentBytes} for ${r.receivedBytes}`);
}
describe('Chromium 156 first flight', () => {
    test('the fixture is two 1250-byte Initials for DCID c32ef22b32637135', () => {
        const d = flight();
        assert.equal(d.length, 2);
        for (const x of d) {
            assert.equal(x.length, 1250);
            const h = parseHeader(x, 0, 8);
            assert.equal(h.kind, 'initial');
            if (h.kind === 'initial') {
                assert.deepEqual(h.dcid, CHROMIUM_DCID);
                assert.equal(h.scid.length, 0);
            }
        }
    });
    test('in order: the server answers with Initial (ACK 1-2, ServerHello x25519) and Handshake', async () => {
        checkAnswer(await answerTo(flight()));
    });
    test('in reverse order: the server buffers the fragments and answers the same way', async () => {
        checkAnswer(await answerTo(flight().reverse()));
    });
    test('one datagram alone yields no ServerHello (the ClientHello is incomplete)', async () => {
        const r = await answerTo([flight()[0]]);
        const crypto = r.packets.flatMap((p) => p.frames ?? []).filter((f) => f.type === 'crypto');
        assert.equal(crypto.length, 0);
    });
});
//# sourceMappingURL=chromium-initial.test.js.map