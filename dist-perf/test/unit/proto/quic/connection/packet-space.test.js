import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketNumberSpace } from '../../../../../src/proto/quic/connection/packet-space.js';
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
});
//# sourceMappingURL=packet-space.test.js.map