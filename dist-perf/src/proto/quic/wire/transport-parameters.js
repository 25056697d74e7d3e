/**
 * QUIC transport parameters (RFC 9000 §18, RFC 9221 §3, draft-ietf-quic-reliable-stream-reset §3):
 * the body of the TLS quic_transport_parameters extension.
 *
 * Decoding is strict: every violation is a TRANSPORT_PARAMETER_ERROR. Unknown and GREASE ids are
 * skipped. Integer values above 2^53 - 1 (legal on the wire, e.g. "unlimited" initial_max_data)
 * are clamped to Number.MAX_SAFE_INTEGER.
 */
import { ByteReader, ByteWriter, TruncatedInputError, ValueTooLargeError } from '../../util/bytes.js';
import { TransportError, TransportErrorCode } from '../errors.js';
export const TransportParameterId = {
    original_destination_connection_id: 0x00,
    max_idle_timeout: 0x01,
    stateless_reset_token: 0x02,
    max_udp_payload_size: 0x03,
    initial_max_data: 0x04,
    initial_max_stream_data_bidi_local: 0x05,
    initial_max_stream_data_bidi_remote: 0x06,
    initial_max_stream_data_uni: 0x07,
    initial_max_streams_bidi: 0x08,
    initial_max_streams_uni: 0x09,
    ack_delay_exponent: 0x0a,
    max_ack_delay: 0x0b,
    disable_active_migration: 0x0c,
    preferred_address: 0x0d,
    active_connection_id_limit: 0x0e,
    initial_source_connection_id: 0x0f,
    retry_source_connection_id: 0x10,
    reset_stream_at: 0x1d,
    max_datagram_frame_size: 0x20,
};
/** The values an endpoint assumes for parameters the peer leaves out (RFC 9000 §18.2). */
export function defaultTransportParameters() {
    return {
        maxIdleTimeout: 0,
        maxUdpPayloadSize: 65527,
        initialMaxData: 0,
        initialMaxStreamDataBidiLocal: 0,
        initialMaxStreamDataBidiRemote: 0,
        initialMaxStreamDataUni: 0,
        initialMaxStreamsBidi: 0,
        initialMaxStreamsUni: 0,
        ackDelayExponent: 3,
        maxAckDelay: 25,
        disableActiveMigration: false,
        activeConnectionIdLimit: 2,
        resetStreamAt: false,
    };
}
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_STREAMS = 2 ** 60;
function tpError(reason) {
    throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, reason);
}
function writeIntParam(w, id, value) {
    const v = Math.min(value, MAX_SAFE);
    w.varint(id);
    w.varint(varintLen(v));
    w.varint(v);
}
function varintLen(v) {
    return v < 64 ? 1 : v < 16384 ? 2 : v < 1073741824 ? 4 : 8;
}
function writeBytesParam(w, id, value) {
    w.varint(id);
    w.vecVarint(value);
}
/**
 * Encodes `p`, leaving out integer parameters equal to their default. The optional parameters
 * are written when present. Throws RangeError for values this endpoint must not send.
 */
export function encodeTransportParameters(p, options = {}) {
    validateForSending(p);
    const d = defaultTransportParameters();
    const w = new ByteWriter(128);
    const id = TransportParameterId;
    if (p.originalDestinationConnectionId)
        writeBytesParam(w, id.original_destination_connection_id, p.originalDestinationConnectionId);
    if (p.maxIdleTimeout !== d.maxIdleTimeout)
        writeIntParam(w, id.max_idle_timeout, p.maxIdleTimeout);
    if (p.statelessResetToken)
        writeBytesParam(w, id.stateless_reset_token, p.statelessResetToken);
    if (p.maxUdpPayloadSize !== d.maxUdpPayloadSize)
        writeIntParam(w, id.max_udp_payload_size, p.maxUdpPayloadSize);
    if (p.initialMaxData !== 0)
        writeIntParam(w, id.initial_max_data, p.initialMaxData);
    if (p.initialMaxStreamDataBidiLocal !== 0)
        writeIntParam(w, id.initial_max_stream_data_bidi_local, p.initialMaxStreamDataBidiLocal);
    if (p.initialMaxStreamDataBidiRemote !== 0)
        writeIntParam(w, id.initial_max_stream_data_bidi_remote, p.initialMaxStreamDataBidiRemote);
    if (p.initialMaxStreamDataUni !== 0)
        writeIntParam(w, id.initial_max_stream_data_uni, p.initialMaxStreamDataUni);
    if (p.initialMaxStreamsBidi !== 0)
        writeIntParam(w, id.initial_max_streams_bidi, p.initialMaxStreamsBidi);
    if (p.initialMaxStreamsUni !== 0)
        writeIntParam(w, id.initial_max_streams_uni, p.initialMaxStreamsUni);
    if (p.ackDelayExponent !== d.ackDelayExponent)
        writeIntParam(w, id.ack_delay_exponent, p.ackDelayExponent);
    if (p.maxAckDelay !== d.maxAckDelay)
        writeIntParam(w, id.max_ack_delay, p.maxAckDelay);
    if (p.disableActiveMigration)
        writeBytesParam(w, id.disable_active_migration, new Uint8Array(0));
    if (p.preferredAddress) {
        const a = p.preferredAddress;
        w.varint(id.preferred_address);
        w.varint(4 + 2 + 16 + 2 + 1 + a.connectionId.length + 16);
        w.bytes(a.ipv4Address).u16(a.ipv4Port).bytes(a.ipv6Address).u16(a.ipv6Port);
        w.u8(a.connectionId.length).bytes(a.connectionId).bytes(a.statelessResetToken);
    }
    if (p.activeConnectionIdLimit !== d.activeConnectionIdLimit)
        writeIntParam(w, id.active_connection_id_limit, p.activeConnectionIdLimit);
    if (p.initialSourceConnectionId)
        writeBytesParam(w, id.initial_source_connection_id, p.initialSourceConnectionId);
    if (p.retrySourceConnectionId)
        writeBytesParam(w, id.retry_source_connection_id, p.retrySourceConnectionId);
    if (p.resetStreamAt)
        writeBytesParam(w, id.reset_stream_at, new Uint8Array(0));
    if (p.maxDatagramFrameSize !== undefined)
        writeIntParam(w, id.max_datagram_frame_size, p.maxDatagramFrameSize);
    if (options.greaseRandom) {
        const r = options.greaseRandom.fill(new Uint8Array(5));
        // N below 2^24 keeps the id in a 4-byte varint; the value is 0..15 random bytes.
        const n = (r[0] << 16) | (r[1] << 8) | r[2];
        const value = options.greaseRandom.fill(new Uint8Array(r[3] & 0x0f));
        writeBytesParam(w, 31 * n + 27, value);
    }
    return w.finish();
}
function validateForSending(p) {
    const bad = (what) => { throw new RangeError(`invalid transport parameter ${what}`); };
    if (p.maxUdpPayloadSize < 1200)
        bad('max_udp_payload_size');
    if (p.ackDelayExponent > 20)
        bad('ack_delay_exponent');
    if (p.maxAckDelay >= 2 ** 14)
        bad('max_ack_delay');
    if (p.activeConnectionIdLimit < 2)
        bad('active_connection_id_limit');
    if (p.initialMaxStreamsBidi > MAX_STREAMS || p.initialMaxStreamsUni > MAX_STREAMS)
        bad('initial_max_streams');
    if (p.statelessResetToken && p.statelessResetToken.length !== 16)
        bad('stateless_reset_token');
    for (const cid of [p.originalDestinationConnectionId, p.initialSourceConnectionId, p.retrySourceConnectionId]) {
        if (cid && cid.length > 20)
            bad('connection id');
    }
    const a = p.preferredAddress;
    if (a && (a.ipv4Address.length !== 4 || a.ipv6Address.length !== 16 || a.connectionId.length < 1 ||
        a.connectionId.length > 20 || a.statelessResetToken.length !== 16))
        bad('preferred_address');
}
// ---------------------------------------------------------------------------------------------
// Decoding.
/** Parameters only a server may send (RFC 9000 §18.2). */
const SERVER_ONLY = new Set([
    TransportParameterId.original_destination_connection_id,
    TransportParameterId.stateless_reset_token,
    TransportParameterId.preferred_address,
    TransportParameterId.retry_source_connection_id,
]);
/** An integer parameter: the value must be exactly one varint filling the field. */
function intValue(value) {
    const r = new ByteReader(value);
    let v;
    try {
        v = r.varint();
    }
    catch (e) {
        if (e instanceof ValueTooLargeError) {
            v = MAX_SAFE; // an 8-byte value above 2^53 - 1: clamp ("unlimited")
            r.pos = 8;
        }
        else if (e instanceof TruncatedInputError) {
            tpError('truncated integer value');
        }
        else {
            throw e;
        }
    }
    if (r.pos !== value.length)
        tpError('integer value with trailing bytes');
    return v;
}
function cidValue(value, name) {
    if (value.length > 20)
        tpError(`${name} longer than 20 bytes`);
    return value;
}
function decodePreferredAddress(value) {
    if (value.length < 4 + 2 + 16 + 2 + 1)
        tpError('preferred_address truncated');
    const cidLen = value[24];
    if (cidLen === 0 || cidLen > 20)
        tpError('preferred_address connection ID length');
    if (value.length !== 25 + cidLen + 16)
        tpError('preferred_address length');
    return {
        ipv4Address: value.subarray(0, 4),
        ipv4Port: (value[4] << 8) | value[5],
        ipv6Address: value.subarray(6, 22),
        ipv6Port: (value[22] << 8) | value[23],
        connectionId: value.subarray(25, 25 + cidLen),
        statelessResetToken: value.subarray(25 + cidLen, 41 + cidLen),
    };
}
/**
 * Decodes the peer's transport parameters. `fromServer` says who sent them (a client must not
 * send server-only parameters). Missing parameters take their defaults. Byte values are views
 * into `bytes`. Throws TransportError(TRANSPORT_PARAMETER_ERROR).
 */
export function decodeTransportParameters(bytes, options) {
    const p = defaultTransportParameters();
    const seen = new Set();
    const r = new ByteReader(bytes);
    const id = TransportParameterId;
    while (!r.done) {
        let key;
        let value;
        try {
            const first = r.buf[r.pos];
            key = first >= 0xc0 ? r.varintBig() : r.varint();
            if (typeof key === 'bigint' && key <= BigInt(MAX_SAFE))
                key = Number(key);
            value = r.vecVarint();
        }
        catch (e) {
            if (e instanceof TruncatedInputError || e instanceof ValueTooLargeError)
                tpError('truncated transport parameters');
            throw e;
        }
        if (seen.has(key))
            tpError(`duplicate transport parameter 0x${key.toString(16)}`);
        seen.add(key);
        if (typeof key === 'bigint')
            continue; // unknown (and GREASE) ids are ignored
        if (!options.fromServer && SERVER_ONLY.has(key))
            tpError(`client sent server-only parameter 0x${key.toString(16)}`);
        switch (key) {
            case id.original_destination_connection_id:
                p.originalDestinationConnectionId = cidValue(value, 'original_destination_connection_id');
                break;
            case id.max_idle_timeout:
                p.maxIdleTimeout = intValue(value);
                break;
            case id.stateless_reset_token:
                if (value.length !== 16)
                    tpError('stateless_reset_token must be 16 bytes');
                p.statelessResetToken = value;
                break;
            case id.max_udp_payload_size:
                p.maxUdpPayloadSize = intValue(value);
                if (p.maxUdpPayloadSize < 1200)
                    tpError('max_udp_payload_size below 1200');
                break;
            case id.initial_max_data:
                p.initialMaxData = intValue(value);
                break;
            case id.initial_max_stream_data_bidi_local:
                p.initialMaxStreamDataBidiLocal = intValue(value);
                break;
            case id.initial_max_stream_data_bidi_remote:
                p.initialMaxStreamDataBidiRemote = intValue(value);
                break;
            case id.initial_max_stream_data_uni:
                p.initialMaxStreamDataUni = intValue(value);
                break;
            case id.initial_max_streams_bidi:
            case id.initial_max_streams_uni: {
                const v = intValue(value);
                // Clamped values hide the wire value: compare the exact bytes against 2^60.
                if (v === MAX_SAFE && exceedsMaxStreams(value))
                    tpError('initial_max_streams above 2^60');
                if (key === id.initial_max_streams_bidi)
                    p.initialMaxStreamsBidi = v;
                else
                    p.initialMaxStreamsUni = v;
                break;
            }
            case id.ack_delay_exponent:
                p.ackDelayExponent = intValue(value);
                if (p.ackDelayExponent > 20)
                    tpError('ack_delay_exponent above 20');
                break;
            case id.max_ack_delay:
                p.maxAckDelay = intValue(value);
                if (p.maxAckDelay >= 2 ** 14)
                    tpError('max_ack_delay of 2^14 or more');
                break;
            case id.disable_active_migration:
                if (value.length !== 0)
                    tpError('disable_active_migration must be empty');
                p.disableActiveMigration = true;
                break;
            case id.preferred_address:
                p.preferredAddress = decodePreferredAddress(value);
                break;
            case id.active_connection_id_limit:
                p.activeConnectionIdLimit = intValue(value);
                if (p.activeConnectionIdLimit < 2)
                    tpError('active_connection_id_limit below 2');
                break;
            case id.initial_source_connection_id:
                p.initialSourceConnectionId = cidValue(value, 'initial_source_connection_id');
                break;
            case id.retry_source_connection_id:
                p.retrySourceConnectionId = cidValue(value, 'retry_source_connection_id');
                break;
            case id.reset_stream_at:
                if (value.length !== 0)
                    tpError('reset_stream_at must be empty');
                p.resetStreamAt = true;
                break;
            case id.max_datagram_frame_size:
                p.maxDatagramFrameSize = intValue(value);
                break;
            default:
                break; // unknown or GREASE: ignored (RFC 9000 §7.4.2)
        }
    }
    return p;
}
/** True when an 8-byte varint value is above 2^60. */
function exceedsMaxStreams(value) {
    const r = new ByteReader(value);
    return r.varintBig() > BigInt(MAX_STREAMS);
}
/** True for GREASE transport parameter ids (31 * N + 27). */
export function isGreaseTransportParameter(id) {
    return typeof id === 'bigint' ? id % 31n === 27n : id % 31 === 27;
}
//# sourceMappingURL=transport-parameters.js.map