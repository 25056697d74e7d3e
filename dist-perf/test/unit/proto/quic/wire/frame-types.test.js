import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameType, frameAllowedIn, frameTypeAllowedIn, isFrameAllowed, isKnownFrameType, } from '../../../../../src/proto/quic/wire/frame-types.js';
const PT = ['initial', '0rtt', 'handshake', '1rtt'];
// RFC 9000 Table 3 "Pkts" column, in the order initial, 0rtt, handshake, 1rtt.
const TABLE = {
    padding: 'IZH1', ping: 'IZH1', ack: 'I_H1', resetStream: '_Z_1', stopSending: '_Z_1', crypto: 'I_H1',
    newToken: '___1', stream: '_Z_1', maxData: '_Z_1', maxStreamData: '_Z_1', maxStreams: '_Z_1',
    dataBlocked: '_Z_1', streamDataBlocked: '_Z_1', streamsBlocked: '_Z_1', newConnectionId: '_Z_1',
    retireConnectionId: '_Z_1', pathChallenge: '_Z_1', pathResponse: '___1', connectionClose: 'IZH1',
    handshakeDone: '___1', datagram: '_Z_1',
};
describe('frame types', () => {
    test('codepoints', () => {
        assert.equal(FrameType.PADDING, 0x00);
        assert.equal(FrameType.HANDSHAKE_DONE, 0x1e);
        assert.equal(FrameType.DATAGRAM, 0x30);
        assert.equal(FrameType.DATAGRAM_LEN, 0x31);
        assert.equal(FrameType.NEW_CONNECTION_ID, 0x18);
    });
    test('frameAllowedIn follows RFC 9000 Table 3', () => {
        for (const [kind, row] of Object.entries(TABLE)) {
            PT.forEach((pt, i) => assert.equal(frameAllowedIn(kind, pt), row[i] !== '_', `${kind} in ${pt}`));
        }
    });
    test('numeric permissions agree, application close only in 0-RTT/1-RTT', () => {
        assert.equal(frameTypeAllowedIn(0x1c, 'initial'), true);
        assert.equal(frameTypeAllowedIn(0x1d, 'initial'), false);
        assert.equal(frameTypeAllowedIn(0x1d, 'handshake'), false);
        assert.equal(frameTypeAllowedIn(0x1d, '1rtt'), true);
        for (let t = 0x08; t <= 0x0f; t++)
            assert.equal(frameTypeAllowedIn(t, 'handshake'), false);
        assert.equal(frameTypeAllowedIn(0x31, '0rtt'), true);
        assert.equal(frameTypeAllowedIn(0x1f, '1rtt'), false);
        assert.equal(frameTypeAllowedIn(0x99, '1rtt'), false);
        const close = { type: 'connectionClose', application: true, errorCode: 0n, frameType: 0, reason: new Uint8Array() };
        assert.equal(isFrameAllowed(close, 'handshake'), false);
        assert.equal(isFrameAllowed(close, '1rtt'), true);
        assert.equal(isFrameAllowed({ ...close, application: false }, 'handshake'), true);
        assert.equal(isFrameAllowed({ type: 'ping' }, 'initial'), true);
    });
    test('known frame types', () => {
        for (let t = 0; t <= 0x1e; t++)
            assert.equal(isKnownFrameType(t), true, `0x${t.toString(16)}`);
        for (const t of [0x1f, 0x20, 0x2f, 0x32, 0x40, -1])
            assert.equal(isKnownFrameType(t), false);
        assert.equal(isKnownFrameType(0x30), true);
    });
});
//# sourceMappingURL=frame-types.test.js.map