import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteWriter, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
import { TransportParameterId as Id, decodeTransportParameters, defaultTransportParameters, encodeTransportParameters, isGreaseTransportParameter, } from '../../../../../src/proto/quic/wire/transport-parameters.js';
function full() {
    return {
        ...defaultTransportParameters(),
        originalDestinationConnectionId: fromHex('8394c8f03e515708'),
        maxIdleTimeout: 30_000,
        statelessResetToken: new Uint8Array(16).fill(0x5a),
        maxUdpPayloadSize: 1452,
        initialMaxData: 2 ** 40,
        initialMaxStreamDataBidiLocal: 1 << 20,
        initialMaxStreamDataBidiRemote: 1 << 21,
        initialMaxStreamDataUni: 1 << 22,
        initialMaxStreamsBidi: 100,
        initialMaxStreamsUni: 2 ** 50,
        ackDelayExponent: 20,
        maxAckDelay: 2 ** 14 - 1,
        disableActiveMigration: true,
        preferredAddress: {
            ipv4Address: fromHex('7f000001'), ipv4Port: 4433, ipv6Address: new Uint8Array(16).fill(0).fill(1, 15), ipv6Port: 443,
            connectionId: fromHex('0102030405060708'), statelessResetToken: new Uint8Array(16).fill(9),
        },
        activeConnectionIdLimit: 8,
        initialSourceConnectionId: new Uint8Array(0),
        retrySourceConnectionId: fromHex('f067a5502a4262b5'),
        maxDatagramFrameSize: 65536,
        resetStreamAt: true,
    };
}
/** Encodes raw (id, value) parameters. */
function raw(...params) {
    const w = new ByteWriter(64);
    for (const [id, v] of params)
        w.varint(id).vecVarint(v);
    return w.finish();
}
const vi = (v) => new ByteWriter(8).varint(v).finish();
function expectTpError(bytes, fromServer = true) {
    assert.throws(() => decodeTransportParameters(bytes, { fromServer }), (e) => e instanceof TransportError && e.code === TransportErrorCode.TRANSPORT_PARAMETER_ERROR);
}
describe('transport parameters', () => {
    test('defaults follow RFC 9000 §18.2', () => {
        const d = defaultTransportParameters();
        assert.equal(d.maxUdpPayloadSize, 65527);
        assert.equal(d.ackDelayExponent, 3);
        assert.equal(d.maxAckDelay, 25);
        assert.equal(d.activeConnectionIdLimit, 2);
        assert.equal(d.maxIdleTimeout, 0);
        assert.equal(d.initialMaxData, 0);
        assert.equal(d.maxDatagramFrameSize, undefined);
        assert.deepEqual(decodeTransportParameters(new Uint8Array(0), { fromServer: true }), d);
        assert.equal(encodeTransportParameters(d).length, 0, 'defaults are left out');
    });
    test('every parameter round-trips', () => {
        const p = full();
        assert.deepEqual(decodeTransportParameters(encodeTransportParameters(p), { fromServer: true }), p);
    });
    test('client parameters round-trip without server-only ones', () => {
        const p = { ...defaultTransportParameters(), initialSourceConnectionId: fromHex('01'), initialMaxData: 5, maxDatagramFrameSize: 0 };
        assert.deepEqual(decodeTransportParameters(encodeTransportParameters(p), { fromServer: false }), p);
    });
    test('server-only parameters from a client are an error', () => {
        for (const id of [Id.original_destination_connection_id, Id.stateless_reset_token, Id.preferred_address, Id.retry_source_connection_id]) {
            const value = id === Id.stateless_reset_token ? new Uint8Array(16) : fromHex('01');
            expectTpError(raw([id, value]), false);
        }
    });
    test('duplicates are an error, including unknown ids', () => {
        expectTpError(raw([Id.initial_max_data, vi(1)], [Id.initial_max_data, vi(2)]));
        expectTpError(raw([0x1234, fromHex('00')], [0x1234, fromHex('01')]));
        expectTpError(raw([(1n << 62n) - 1n, fromHex('')], [(1n << 62n) - 1n, fromHex('')]));
    });
    test('unknown and GREASE parameters are ignored', () => {
        const p = decodeTransportParameters(raw([27, fromHex('aabb')], [31 * 5 + 27, new Uint8Array(0)], [0x7fff, vi(9)], [(1n << 62n) - 1n, fromHex('00')], [Id.initial_max_data, vi(77)]), { fromServer: false });
        assert.equal(p.initialMaxData, 77);
        assert.equal(isGreaseTransportParameter(27), true);
        assert.equal(isGreaseTransportParameter(31 * 1000 + 27), true);
        assert.equal(isGreaseTransportParameter(28), false);
        assert.equal(isGreaseTransportParameter(31n * 2n ** 50n + 27n), true);
    });
    test('encode can add one GREASE parameter from the injected random source', () => {
        let seed = 1;
        const rng = { fill: (out) => { for (let i = 0; i < out.length; i++)
                out[i] = (seed = (seed * 73 + 11) & 0xff); return out; } };
        const p = full();
        const plain = encodeTransportParameters(p);
        const greased = encodeTransportParameters(p, { greaseRandom: rng });
        assert.ok(greased.length > plain.length);
        assert.equal(toHex(greased.subarray(0, plain.length)), toHex(plain));
        assert.deepEqual(decodeTransportParameters(greased, { fromServer: true }), p);
    });
    test('out-of-range values are errors', () => {
        expectTpError(raw([Id.max_udp_payload_size, vi(1199)]));
        expectTpError(raw([Id.ack_delay_exponent, vi(21)]));
        expectTpError(raw([Id.max_ack_delay, vi(2 ** 14)]));
        expectTpError(raw([Id.active_connection_id_limit, vi(1)]));
        expectTpError(raw([Id.initial_max_streams_bidi, vi((1n << 60n) + 1n)]));
        expectTpError(raw([Id.initial_max_streams_uni, vi((1n << 62n) - 1n)]));
        const ok = decodeTransportParameters(raw([Id.initial_max_streams_uni, vi(1n << 60n)]), { fromServer: true });
        assert.equal(ok.initialMaxStreamsUni, Number.MAX_SAFE_INTEGER);
    });
    test('wrong lengths are errors', () => {
        expectTpError(raw([Id.stateless_reset_token, new Uint8Array(15)]));
        expectTpError(raw([Id.disable_active_migration, fromHex('00')]));
        expectTpError(raw([Id.reset_stream_at, fromHex('00')]));
        expectTpError(raw([Id.initial_max_data, fromHex('0101')])); // trailing byte
        expectTpError(raw([Id.initial_max_data, fromHex('40')])); // truncated varint
        expectTpError(raw([Id.initial_max_data, new Uint8Array(0)]));
        expectTpError(raw([Id.initial_source_connection_id, new Uint8Array(21)]));
        expectTpError(raw([Id.original_destination_connection_id, new Uint8Array(21)]));
        expectTpError(raw([Id.retry_source_connection_id, new Uint8Array(21)]));
        expectTpError(fromHex('0405')); // value runs past the end
        expectTpError(fromHex('40')); // id truncated
    });
    test('preferred_address validation', () => {
        const pa = encodeTransportParameters({ ...defaultTransportParameters(), preferredAddress: full().preferredAddress });
        const value = pa.subarray(2); // id 0x0d (1 byte) + length (1 byte)
        const withCid = (len) => {
            const v = new Uint8Array(25 + len + 16);
            v.set(value.subarray(0, 24));
            v[24] = len;
            return v;
        };
        expectTpError(raw([Id.preferred_address, withCid(0)]));
        expectTpError(raw([Id.preferred_address, withCid(21)]));
        expectTpError(raw([Id.preferred_address, withCid(8).subarray(0, 40)]));
        expectTpError(raw([Id.preferred_address, new Uint8Array(10)]));
        const d = decodeTransportParameters(raw([Id.preferred_address, withCid(4)]), { fromServer: true });
        assert.equal(d.preferredAddress?.ipv4Port, 4433);
        assert.equal(d.preferredAddress?.connectionId.length, 4);
    });
    test('huge integer values are clamped, not rejected', () => {
        const p = decodeTransportParameters(raw([Id.initial_max_data, vi((1n << 62n) - 1n)], [Id.max_idle_timeout, vi(2n ** 53n)]), { fromServer: true });
        assert.equal(p.initialMaxData, Number.MAX_SAFE_INTEGER);
        assert.equal(p.maxIdleTimeout, Number.MAX_SAFE_INTEGER);
    });
    test('encode refuses values the RFC forbids', () => {
        const d = defaultTransportParameters();
        assert.throws(() => encodeTransportParameters({ ...d, maxUdpPayloadSize: 1000 }), RangeError);
        assert.throws(() => encodeTransportParameters({ ...d, activeConnectionIdLimit: 1 }), RangeError);
        assert.throws(() => encodeTransportParameters({ ...d, statelessResetToken: new Uint8Array(3) }), RangeError);
        assert.throws(() => encodeTransportParameters({ ...d, initialSourceConnectionId: new Uint8Array(21) }), RangeError);
    });
});
//# sourceMappingURL=transport-parameters.test.js.map