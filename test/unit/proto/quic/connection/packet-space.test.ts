import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketNumberSpace, discardedSpace } from '../../../../../src/proto/quic/connection/packet-space.js';
import { initialKeys } from '../../../../../src/proto/quic/packet/protection.js';
import { nodeCryptoProvider } from '../../../../../src/crypto/node-provider.js';

describe('PacketNumberSpace', () => {
  test('starts at packet number 0 with no keys', () => {
    const s = new PacketNumberSpace(1, 25_000);
    assert.equal(s.id, 1);
    assert.equal(s.nextPn, 0);
    assert.equal(s.discarded, false);
    assert.equal(s.readKeys, undefined);
    assert.equal(s.cryptoSend.hasData(), false);
  });

  test('Initial and Handshake ACKs are immediate; 1-RTT ACKs may be delayed', () => {
    const initial = new PacketNumberSpace(0, 25_000);
    initial.ack.onPacketReceived(0, true, 1_000);
    assert.ok(initial.ack.wantsAck(1_000));
    const app = new PacketNumberSpace(2, 25_000);
    app.ack.onPacketReceived(0, true, 1_000);
    assert.ok(!app.ack.wantsAck(1_000), 'one ack-eliciting 1-RTT packet waits for max_ack_delay');
    assert.ok(app.ack.wantsAck(1_000 + 25_000));
  });

  test('discard drops keys and owed probes', () => {
    const s = new PacketNumberSpace(0, 25_000);
    const keys = initialKeys(nodeCryptoProvider, new Uint8Array(8));
    s.readKeys = keys.client;
    s.writeKeys = keys.server;
    s.probesOwed = 2;
    s.discard();
    assert.equal(s.discarded, true);
    assert.equal(s.readKeys, undefined);
    assert.equal(s.writeKeys, undefined);
    assert.equal(s.probesOwed, 0);
  });

  test('a discarded level is one shared, frozen stand-in per space id', () => {
    const initial = discardedSpace(0);
    assert.equal(discardedSpace(0), initial);
    assert.notEqual(discardedSpace(1), initial);
    assert.equal(initial.id, 0);
    assert.equal(initial.discarded, true);
    assert.equal(initial.readKeys, undefined);
    assert.equal(initial.cryptoSend.hasData(), false);
    assert.equal(initial.ack.hasPendingAck(), false);
    // Shared by every connection: a write is a bug and must not pass silently.
    assert.throws(() => { initial.nextPn++; }, TypeError);
    assert.throws(() => initial.cryptoSend.write(new Uint8Array(1)), TypeError);
    assert.throws(() => initial.ack.onPacketReceived(0, true, 0), TypeError);
  });
});
