/**
 * The one place that knows WebTransport drafts: which SETTINGS we send per draft, which peer
 * SETTINGS select which draft, the :protocol token and version headers of each, and whether
 * session flow control is on. Everything else works on the WtProfile negotiate() returns.
 *
 * Draft families (webtransport-protocol.md §A.4): draft02 (Chromium default, 0x2b603742),
 * draft07 (-07..-12, 0xc671706a), draft13 (-13/-14, 0x14e9cd29 + flow control), draft15
 * (-15/-16, 0x2c7cf000, `webtransport-h3`, flow control).
 */
import { ConnectProtocol } from '../h3/extended-connect.js';
import { H3ErrorCode } from '../h3/errors.js';
import { H3SettingId } from '../h3/settings.js';
import { WtErrorCode } from './error-codes.js';
export const WtDraft = {
    DRAFT02: 'draft02',
    DRAFT07: 'draft07',
    DRAFT13: 'draft13',
    DRAFT15: 'draft15',
};
/** Every draft we speak, newest first (the order of preference, WT16 §7.1: highest common wins). */
export const SUPPORTED_DRAFTS = [WtDraft.DRAFT15, WtDraft.DRAFT13, WtDraft.DRAFT07, WtDraft.DRAFT02];
/** Request / response headers of draft-02's version negotiation (WT02). */
export const DRAFT02_REQUEST_HEADER = 'sec-webtransport-http3-draft02';
export const DRAFT02_RESPONSE_HEADER = 'sec-webtransport-http3-draft';
export const DRAFT02_RESPONSE_VALUE = 'draft02';
/** Draft-13+ upper bound on a max-streams value (WT16 §5.6.2). */
export const MAX_STREAMS_LIMIT = 2 ** 60;
const UNLIMITED = { initialMaxData: Infinity, initialMaxStreamsBidi: Infinity, initialMaxStreamsUni: Infinity };
const DEFAULT_MAX_SESSIONS = 16;
function drafts(local) {
    return local.drafts ?? SUPPORTED_DRAFTS;
}
function wantsFlowControl(fc) {
    return fc !== undefined && (fc.initialMaxData > 0 || fc.initialMaxStreamsBidi > 0 || fc.initialMaxStreamsUni > 0);
}
/**
 * The settings a WebTransport endpoint announces, shaped like H3ConnectionOptions.settings.
 * Sending every draft's id at once is safe: unknown settings are ignored (WT16 §7.1).
 */
export function localWebTransportSettings(local) {
    const set = new Set(drafts(local));
    const maxSessions = local.maxSessions ?? DEFAULT_MAX_SESSIONS;
    const extra = [];
    if (set.has(WtDraft.DRAFT02))
        extra.push([H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 1]);
    if (set.has(WtDraft.DRAFT07))
        extra.push([H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS, maxSessions]);
    if (set.has(WtDraft.DRAFT13))
        extra.push([H3SettingId.SETTINGS_WT_MAX_SESSIONS, maxSessions]);
    if (set.has(WtDraft.DRAFT15))
        extra.push([H3SettingId.SETTINGS_WT_ENABLED, 1]);
    const fc = local.flowControl;
    if ((set.has(WtDraft.DRAFT13) || set.has(WtDraft.DRAFT15)) && wantsFlowControl(fc)) {
        if (fc.initialMaxData > 0)
            extra.push([H3SettingId.SETTINGS_WT_INITIAL_MAX_DATA, fc.initialMaxData]);
        if (fc.initialMaxStreamsUni > 0)
            extra.push([H3SettingId.SETTINGS_WT_INITIAL_MAX_STREAMS_UNI, fc.initialMaxStreamsUni]);
        if (fc.initialMaxStreamsBidi > 0)
            extra.push([H3SettingId.SETTINGS_WT_INITIAL_MAX_STREAMS_BIDI, fc.initialMaxStreamsBidi]);
    }
    // Only the server enables extended CONNECT (RFC 8441 §3); clients never send 0x08 (Chromium).
    return { enableConnectProtocol: local.isServer, h3Datagram: true, extra };
}
/** The drafts a peer's SETTINGS advertise, newest first. */
export function peerDrafts(peer) {
    const out = [];
    if (peer.get(H3SettingId.SETTINGS_WT_ENABLED) === 1)
        out.push(WtDraft.DRAFT15);
    if ((peer.get(H3SettingId.SETTINGS_WT_MAX_SESSIONS) ?? 0) > 0)
        out.push(WtDraft.DRAFT13);
    if ((peer.get(H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS) ?? 0) > 0)
        out.push(WtDraft.DRAFT07);
    if (peer.get(H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT) === 1)
        out.push(WtDraft.DRAFT02);
    return out;
}
function fail(reason, code = H3ErrorCode.H3_REQUEST_REJECTED) {
    return { ok: false, reason, code };
}
/**
 * Chooses the draft for a connection from the peer's SETTINGS (the raw id -> value map, GREASE
 * dropped) and our options, and checks what that draft requires of the peer.
 */
export function negotiate(peer, local) {
    const ours = drafts(local);
    const theirs = peerDrafts(peer);
    const draft = SUPPORTED_DRAFTS.find((d) => ours.includes(d) && theirs.includes(d));
    if (draft === undefined) {
        return fail(theirs.length === 0 ? 'peer SETTINGS do not enable WebTransport' : `no common WebTransport draft (peer: ${theirs.join(', ')})`);
    }
    const rfcDatagram = peer.get(H3SettingId.SETTINGS_H3_DATAGRAM) === 1;
    const legacyDatagram = peer.get(H3SettingId.SETTINGS_H3_DATAGRAM_DRAFT04) === 1;
    // Draft-02 peers (Chromium) may only have the masque-04 datagram id; later drafts need RFC 9297.
    if (!(rfcDatagram || (draft === WtDraft.DRAFT02 && legacyDatagram))) {
        return fail('peer SETTINGS do not enable HTTP datagrams (SETTINGS_H3_DATAGRAM)', WtErrorCode.WT_REQUIREMENTS_NOT_MET);
    }
    // A client needs the server's extended CONNECT; draft-02's own setting implies it (WT02).
    if (!local.isServer && draft !== WtDraft.DRAFT02 && peer.get(H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL) !== 1) {
        return fail('server did not enable extended CONNECT (SETTINGS_ENABLE_CONNECT_PROTOCOL)', WtErrorCode.WT_REQUIREMENTS_NOT_MET);
    }
    let flowControl = false;
    let peerInitial = UNLIMITED;
    let localInitial = UNLIMITED;
    if (draft === WtDraft.DRAFT13 || draft === WtDraft.DRAFT15) {
        const theirFc = {
            initialMaxData: peer.get(H3SettingId.SETTINGS_WT_INITIAL_MAX_DATA) ?? 0,
            initialMaxStreamsBidi: peer.get(H3SettingId.SETTINGS_WT_INITIAL_MAX_STREAMS_BIDI) ?? 0,
            initialMaxStreamsUni: peer.get(H3SettingId.SETTINGS_WT_INITIAL_MAX_STREAMS_UNI) ?? 0,
        };
        // WT16 §5.1: on only when both endpoints send at least one non-zero initial setting.
        if (wantsFlowControl(theirFc) && wantsFlowControl(local.flowControl)) {
            flowControl = true;
            peerInitial = theirFc;
            localInitial = local.flowControl;
        }
    }
    let maxSessions;
    const localMax = local.maxSessions ?? DEFAULT_MAX_SESSIONS;
    if ((draft === WtDraft.DRAFT13 || draft === WtDraft.DRAFT15) && !flowControl) {
        maxSessions = 1; // WT16 §5.1: without flow control, one session per connection.
    }
    else if (local.isServer) {
        maxSessions = localMax;
    }
    else if (draft === WtDraft.DRAFT07) {
        maxSessions = peer.get(H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS);
    }
    else if (draft === WtDraft.DRAFT13) {
        maxSessions = peer.get(H3SettingId.SETTINGS_WT_MAX_SESSIONS);
    }
    else {
        maxSessions = localMax; // draft02 / draft15 announce no server limit: bound it ourselves.
    }
    const token = draft === WtDraft.DRAFT15 ? ConnectProtocol.WEBTRANSPORT_H3 : ConnectProtocol.WEBTRANSPORT;
    return {
        ok: true,
        profile: {
            draft,
            protocolToken: token,
            acceptedProtocolTokens: new Set([ConnectProtocol.WEBTRANSPORT, ConnectProtocol.WEBTRANSPORT_H3]),
            versionHeaders: draft === WtDraft.DRAFT02,
            flowControl,
            peerInitial,
            localInitial,
            maxSessions,
        },
    };
}
/** Extra request headers a client sends for this profile (draft-02's version header). */
export function connectRequestExtraHeaders(profile) {
    return profile.versionHeaders ? [[DRAFT02_REQUEST_HEADER, '1']] : [];
}
/** Extra response headers a server sends: `sec-webtransport-http3-draft: draft02` when the request offered it. */
export function connectResponseExtraHeaders(requestHeaders) {
    for (const [n, v] of requestHeaders) {
        if (n === DRAFT02_REQUEST_HEADER && v.trim() === '1')
            return [[DRAFT02_RESPONSE_HEADER, DRAFT02_RESPONSE_VALUE]];
    }
    return [];
}
//# sourceMappingURL=protocol.js.map