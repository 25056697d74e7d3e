import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { nodeCryptoProvider as provider } from '../../../../../src/crypto/node-provider.js';
import { CIPHER_SUITES, CipherSuiteId, type CipherSuite } from '../../../../../src/proto/crypto/cipher-suites.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
import { OneRttKeys, nextGenerationKeys, nextTrafficSecret } from '../../../../../src/proto/quic/packet/key-update.js';
import { decryptPayload, derivePacketKeys, protectPacket, unprotectHeader } from '../../../../../src/proto/quic/packet/protection.js';
import { fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { A5 } from '../../../../vectors/rfc9001.js';

const AES = CIPHER_SUITES[CipherSuiteId.TLS_AES_128_GCM_SHA256];
const CHACHA = CIPHER_SUITES[CipherSuiteId.TLS_CHACHA20_POLY1305_SHA256];
const PTO = 100_000;

function pair(suite: CipherSuite = AES): { client: OneRttKeys; server: OneRttKeys } {
  const c2s = randomBytes(suite.hashLength), s2c = randomBytes(suite.hashLength);
  return { client: new OneRttKeys(provider, suite, s2c, c2s), server: new OneRttKeys(provider, suite, c2s, s2c) };
}

/** A short-header packet (empty DCID, 4-byte packet number) with a PING + PADDING payload. */
function send(from: OneRttKeys, pn: number): Uint8Array {
  const buf = new Uint8Array(1 + 4 + 20 + 16);
  buf[0] = 0x40 | (from.keyPhaseBit << 2) | 0x03;
  buf[1] = pn >>> 24; buf[2] = pn >>> 16; buf[3] = pn >>> 8; buf[4] = pn;
  buf[5] = 0x01;
  protectPacket(from.writeKeys(), buf, 0, 1, 4, pn, 25);
  from.onPacketSent(pn);
  return buf;
}

/** Receives like the connection does; returns the packet number, or null when dropped. */
function receive(to: OneRttKeys, datagram: Uint8Array, now: number): number | null {
  const packet = datagram.slice();
  const h = unprotectHeader(to.currentReadKeys().hp, packet, 1);
  const bit = (h.firstByte >> 2) & 1;
  const pn = h.truncatedPn;
  const plaintext = decryptPayload(to.readKeysFor(bit, pn), packet, 5, pn);
  if (!plaintext) return null;
  assert.equal(plaintext[0], 0x01);
  to.onPacketDecrypted(bit, pn, now, PTO);
  return pn;
}

function isKeyUpdateError(e: unknown): boolean {
  return e instanceof TransportError && e.code === TransportErrorCode.KEY_UPDATE_ERROR;
}

describe('next generation secrets', () => {
  test('"quic ku" of RFC 9001 A.5', () => {
    assert.equal(toHex(nextTrafficSecret(provider, CHACHA, fromHex(A5.secret))), A5.ku);
  });

  test('next keys keep the header protection key and change key and IV', () => {
    const keys = derivePacketKeys(provider, CHACHA, fromHex(A5.secret));
    const next = nextGenerationKeys(provider, keys);
    assert.equal(next.hp, keys.hp);
    assert.equal(toHex(next.secret), A5.ku);
    assert.deepEqual(next.iv, derivePacketKeys(provider, CHACHA, fromHex(A5.ku)).iv);
    assert.notDeepEqual(next.iv, keys.iv);
  });

  test('next keys seal like keys derived from the next secret, without making a header protection cipher', () => {
    const keys = derivePacketKeys(provider, AES, randomBytes(32));
    let hpCreated = 0;
    const counting = { ...provider, createHeaderProtection: (...args: Parameters<typeof provider.createHeaderProtection>) => {
      hpCreated++;
      return provider.createHeaderProtection(...args);
    } };
    const next = nextGenerationKeys(counting, keys);
    assert.equal(hpCreated, 0);
    const full = derivePacketKeys(provider, AES, next.secret);
    const seal = (aead: typeof next.aead): string => {
      const out = new Uint8Array(48);
      aead.seal(full.iv, new Uint8Array([1, 2]), new Uint8Array(32).fill(7), out, 0);
      return toHex(out);
    };
    assert.equal(seal(next.aead), seal(full.aead));
  });
});

describe('OneRttKeys', () => {
  test('starts in phase 0 and both sides exchange packets', () => {
    const { client, server } = pair();
    assert.equal(client.keyPhaseBit, 0);
    assert.equal(client.generation, 0);
    assert.equal(receive(server, send(client, 0), 0), 0);
    assert.equal(receive(client, send(server, 0), 0), 0);
    assert.equal(client.discardPreviousAt(), undefined);
  });

  test('initiating is refused until a packet of the current phase is acknowledged', () => {
    const { client } = pair();
    assert.equal(client.initiateUpdate(0), false); // nothing sent yet
    send(client, 5);
    client.onPacketAcked(4); // sent before this phase's first packet: does not count
    assert.equal(client.initiateUpdate(0), false);
    client.onPacketAcked(5);
    assert.equal(client.initiateUpdate(0), true);
    assert.equal(client.keyPhaseBit, 1);
    assert.equal(client.generation, 1);
    assert.equal(client.initiateUpdate(0), false); // the new phase is not acknowledged yet
  });

  test('full update: initiate, peer responds, reordered old packet, discard, next update', () => {
    const { client, server } = pair();
    const t0 = 1_000_000;
    for (let pn = 0; pn < 3; pn++) receive(server, send(client, pn), t0);
    const delayed = send(client, 3); // phase 0, arrives late
    receive(client, send(server, 0), t0);
    client.onPacketAcked(1);
    assert.ok(client.initiateUpdate(t0));

    // The server still sends in phase 0: the client uses its previous read keys.
    assert.equal(receive(client, send(server, 1), t0), 1);
    assert.equal(client.keyPhaseBit, 1);
    assert.equal(client.discardPreviousAt(), undefined); // no packet of the new phase yet

    // The first phase-1 packet makes the server update both directions.
    assert.equal(receive(server, send(client, 4), t0 + 10), 4);
    assert.equal(server.keyPhaseBit, 1);
    assert.equal(server.discardPreviousAt(), t0 + 10 + 3 * PTO);

    // The delayed phase-0 packet (lower packet number) still decrypts with the previous keys.
    assert.equal(receive(server, delayed, t0 + 20), 3);
    assert.equal(server.keyPhaseBit, 1);

    // The server answers in phase 1; the client starts its own discard countdown.
    assert.equal(receive(client, send(server, 2), t0 + 30), 2);
    assert.equal(client.discardPreviousAt(), t0 + 30 + 3 * PTO);

    // Previous keys gone: a phase-0 packet is tried with the next keys and dropped.
    server.discardPrevious();
    assert.equal(server.discardPreviousAt(), undefined);
    assert.equal(receive(server, delayed, t0 + 40), null);
    assert.equal(server.keyPhaseBit, 1);

    // Next update: acknowledged, but refused while the old read keys may still be needed.
    client.onPacketAcked(4);
    assert.equal(client.initiateUpdate(t0 + 40), false);
    assert.equal(client.initiateUpdate(t0 + 30 + 3 * PTO), true);
    assert.equal(client.keyPhaseBit, 0);
    assert.equal(client.generation, 2);
    assert.equal(receive(server, send(client, 5), t0 + 4 * PTO), 5);
    assert.equal(server.generation, 2);
    assert.equal(receive(client, send(server, 3), t0 + 4 * PTO), 3);
  });

  test('peer updating twice before we sent anything in its new phase -> KEY_UPDATE_ERROR', () => {
    const { client, server } = pair();
    receive(server, send(client, 0), 0);
    receive(client, send(server, 0), 0);
    client.onPacketAcked(0);
    assert.ok(client.initiateUpdate(0));
    receive(server, send(client, 1), 0); // server now in phase 1, has sent nothing in it
    // A misbehaving client updates again at once.
    client.onAckOfPacketInCurrentPhase();
    client.discardPrevious();
    assert.ok(client.initiateUpdate(0));
    assert.throws(() => receive(server, send(client, 2), 0), isKeyUpdateError);
  });

  test('newer keys on a lower packet number than an older-phase packet -> KEY_UPDATE_ERROR', () => {
    const { client, server } = pair();
    receive(client, send(server, 0), 0);
    receive(server, send(client, 5), 0);
    // The client moves to phase 1 but reuses a lower packet number (peer bug).
    client.onPacketAcked(5);
    assert.ok(client.initiateUpdate(0));
    assert.throws(() => receive(server, send(client, 4), 0), isKeyUpdateError);
  });

  test('a forged Key Phase bit does not rotate keys', () => {
    const { client, server } = pair();
    receive(server, send(client, 0), 0);
    const forged = send(client, 1);
    forged[0]! ^= 0x04; // flip the (protected) key phase bit: it no longer decrypts
    assert.equal(receive(server, forged, 0), null);
    assert.equal(server.keyPhaseBit, 0);
    assert.equal(receive(server, send(client, 2), 0), 2);
  });

  test('confidentiality limit: counts packets per key and asks for an update', () => {
    const small: CipherSuite = { ...AES, confidentialityLimit: 8 };
    const { client, server } = pair(small);
    receive(client, send(server, 0), 0);
    for (let pn = 0; pn < 5; pn++) send(client, pn);
    assert.equal(client.packetsProtected, 5);
    assert.equal(client.shouldUpdateForLimit(), false);
    send(client, 5);
    assert.equal(client.shouldUpdateForLimit(), true);
    assert.equal(client.confidentialityLimitReached(), false);
    send(client, 6);
    send(client, 7);
    assert.equal(client.confidentialityLimitReached(), true);
    client.onPacketAcked(3);
    assert.ok(client.initiateUpdate(0));
    assert.equal(client.packetsProtected, 0);
    assert.equal(client.shouldUpdateForLimit(), false);
  });

  test('ChaCha20 suite has no practical confidentiality limit', () => {
    const { client } = pair(CHACHA);
    send(client, 0);
    assert.equal(client.shouldUpdateForLimit(), false);
  });
});
