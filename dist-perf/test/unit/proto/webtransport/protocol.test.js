import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectRequestExtraHeaders, connectResponseExtraHeaders, localWebTransportSettings, negotiate, peerDrafts, WtDraft, } from '../../../../src/proto/webtransport/protocol.js';
import { encodeSettingsPayload, H3SettingId } from '../../../../src/proto/h3/settings.js';
import { toHex } from '../../../../src/proto/util/bytes.js';
import { WtErrorCode } from '../../../../src/proto/webtransport/error-codes.js';
import { CHROMIUM_156_SETTINGS } from './fake-h3.js';
const ID = H3SettingId;
/** webtransport-go server (webtransport-protocol.md §C.7). */
const WEBTRANSPORT_GO_SERVER = new Map([
    [ID.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1], [ID.SETTINGS_H3_DATAGRAM, 1], [ID.SETTINGS_ENABLE_WEBTRANSPORT, 1],
    [ID.SETTINGS_WT_ENABLED, 1], [ID.SETTINGS_WT_MAX_SESSIONS, Number.MAX_SAFE_INTEGER],
]);
describe('negotiate per browser / implementation profile', () => {
    test('Chromium 156 (draft-02 only, 0x33 + 0xffd277) at our server', () => {
        const r = negotiate(CHROMIUM_156_SETTINGS, { isServer: true });
        assert.ok(r.ok);
        assert.equal(r.profile.draft, 'draft02');
        assert.equal(r.profile.protocolToken, 'webtransport');
        assert.ok(r.profile.acceptedProtocolTokens.has('webtransport'));
        assert.equal(r.profile.versionHeaders, true);
        assert.equal(r.profile.flowControl, false);
        assert.equal(r.profile.maxSessions, 16);
    });
    test('Chromium with only the legacy datagram id still passes on draft-02', () => {
        const m = new Map(CHROMIUM_156_SETTINGS);
        m.delete(ID.SETTINGS_H3_DATAGRAM);
        assert.equal(negotiate(m, { isServer: true }).ok, true);
    });
    test('Chromium with the draft-07 feature picks draft-07', () => {
        const m = new Map(CHROMIUM_156_SETTINGS);
        m.set(ID.SETTINGS_WEBTRANSPORT_MAX_SESSIONS, 16);
        const r = negotiate(m, { isServer: true });
        assert.ok(r.ok);
        assert.equal(r.profile.draft, 'draft07');
        assert.equal(r.profile.versionHeaders, false);
    });
    test('our client at a webtransport-go server: draft-16, webtransport-h3, one session without flow control', () => {
        const r = negotiate(WEBTRANSPORT_GO_SERVER, { isServer: false });
        assert.ok(r.ok);
        assert.equal(r.profile.draft, 'draft15');
        assert.equal(r.profile.protocolToken, 'webtransport-h3');
        assert.equal(r.profile.maxSessions, 1);
        const only02 = negotiate(WEBTRANSPORT_GO_SERVER, { isServer: false, drafts: [WtDraft.DRAFT02] });
        assert.ok(only02.ok && only02.profile.draft === 'draft02');
    });
    test('a -13/-14 peer (Safari): draft13 with its max sessions', () => {
        const fc = { initialMaxData: 65536, initialMaxStreamsBidi: 10, initialMaxStreamsUni: 10 };
        const peer = new Map([
            [ID.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1], [ID.SETTINGS_H3_DATAGRAM, 1], [ID.SETTINGS_WT_MAX_SESSIONS, 4],
            [ID.SETTINGS_WT_INITIAL_MAX_DATA, 1000], [ID.SETTINGS_WT_INITIAL_MAX_STREAMS_BIDI, 3],
        ]);
        const r = negotiate(peer, { isServer: false, flowControl: fc });
        assert.ok(r.ok);
        assert.equal(r.profile.draft, 'draft13');
        assert.equal(r.profile.flowControl, true);
        assert.equal(r.profile.maxSessions, 4);
        assert.deepEqual(r.profile.peerInitial, { initialMaxData: 1000, initialMaxStreamsBidi: 3, initialMaxStreamsUni: 0 });
        assert.deepEqual(r.profile.localInitial, fc);
    });
    test('flow control needs both sides (WT16 §5.1)', () => {
        const peer = new Map(WEBTRANSPORT_GO_SERVER);
        const r = negotiate(peer, { isServer: false, flowControl: { initialMaxData: 10, initialMaxStreamsBidi: 0, initialMaxStreamsUni: 0 } });
        assert.ok(r.ok && !r.profile.flowControl && r.profile.peerInitial.initialMaxData === Infinity);
    });
    test('failures: no WebTransport, no datagrams, no extended CONNECT, no common draft', () => {
        const none = negotiate(new Map([[ID.SETTINGS_H3_DATAGRAM, 1]]), { isServer: true });
        assert.ok(!none.ok && /do not enable WebTransport/.test(none.reason));
        const noDg = negotiate(new Map([[ID.SETTINGS_WT_ENABLED, 1], [ID.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1]]), { isServer: false });
        assert.ok(!noDg.ok && noDg.code === WtErrorCode.WT_REQUIREMENTS_NOT_MET);
        const legacyOnly16 = negotiate(new Map([[ID.SETTINGS_WT_ENABLED, 1], [ID.SETTINGS_H3_DATAGRAM_DRAFT04, 1], [ID.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1]]), { isServer: false });
        assert.equal(legacyOnly16.ok, false);
        const noConnect = negotiate(new Map([[ID.SETTINGS_WT_ENABLED, 1], [ID.SETTINGS_H3_DATAGRAM, 1]]), { isServer: false });
        assert.ok(!noConnect.ok && /extended CONNECT/.test(noConnect.reason));
        // A server does not need the client's 0x08.
        assert.equal(negotiate(new Map([[ID.SETTINGS_WT_ENABLED, 1], [ID.SETTINGS_H3_DATAGRAM, 1]]), { isServer: true }).ok, true);
        const noCommon = negotiate(CHROMIUM_156_SETTINGS, { isServer: true, drafts: [WtDraft.DRAFT15] });
        assert.ok(!noCommon.ok && /no common/.test(noCommon.reason));
    });
    test('peerDrafts reads every codepoint', () => {
        assert.deepEqual(peerDrafts(WEBTRANSPORT_GO_SERVER), ['draft15', 'draft13', 'draft02']);
        assert.deepEqual(peerDrafts(new Map([[ID.SETTINGS_WT_MAX_SESSIONS, 0]])), []);
    });
});
describe('settings we send', () => {
    test('server union profile, encoded like test-vectors.md §13', () => {
        const s = localWebTransportSettings({ isServer: true });
        assert.equal(s.enableConnectProtocol, true);
        assert.equal(s.h3Datagram, true);
        const hex = toHex(encodeSettingsPayload(s.extra));
        assert.ok(hex.includes('ab60374201'), hex); // 0x2b603742 = 1
        assert.ok(hex.includes('c0000000c671706a10'), hex); // 0xc671706a = 16
        assert.ok(hex.includes('ac7cf00001'), hex); // 0x2c7cf000 = 1
        assert.ok(hex.includes('94e9cd2910'), hex); // 0x14e9cd29 = 16
        assert.ok(!s.extra.some(([id]) => id === ID.SETTINGS_WT_INITIAL_MAX_DATA));
    });
    test('client: no extended CONNECT setting; flow-control ids only when asked', () => {
        const s = localWebTransportSettings({ isServer: false, drafts: [WtDraft.DRAFT15], flowControl: { initialMaxData: 5, initialMaxStreamsBidi: 0, initialMaxStreamsUni: 2 } });
        assert.equal(s.enableConnectProtocol, false);
        assert.deepEqual(s.extra, [[ID.SETTINGS_WT_ENABLED, 1], [ID.SETTINGS_WT_INITIAL_MAX_DATA, 5], [ID.SETTINGS_WT_INITIAL_MAX_STREAMS_UNI, 2]]);
        assert.deepEqual(localWebTransportSettings({ isServer: false, drafts: [WtDraft.DRAFT02] }).extra, [[ID.SETTINGS_ENABLE_WEBTRANSPORT, 1]]);
    });
    test('draft-02 version headers', () => {
        const r = negotiate(CHROMIUM_156_SETTINGS, { isServer: false });
        assert.ok(r.ok);
        assert.deepEqual(connectRequestExtraHeaders(r.profile), [['sec-webtransport-http3-draft02', '1']]);
        assert.deepEqual(connectResponseExtraHeaders([['sec-webtransport-http3-draft02', '1']]), [['sec-webtransport-http3-draft', 'draft02']]);
        assert.deepEqual(connectResponseExtraHeaders([['origin', 'x']]), []);
    });
});
//# sourceMappingURL=protocol.test.js.map