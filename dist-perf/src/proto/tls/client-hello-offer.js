/**
 * What a ClientHello offers, read from its extensions with the checks RFC 8446 and RFC 9001
 * require of a server (missing or malformed extensions become the matching alert).
 * Unknown extensions, GREASE values and groups we cannot compute are ignored.
 */
import { AlertDescription, TlsAlertError } from './alerts.js';
import { ExtensionType, PskKeyExchangeMode, TLS13_VERSION, decodeAlpn, decodeKeyShareClient, decodeOfferedPsks, decodePskModes, decodeServerName, decodeSupportedVersionsClient, decodeU16List, decodeCookie, } from './extensions.js';
function missing(what) {
    throw new TlsAlertError(AlertDescription.missing_extension, `ClientHello without ${what}`);
}
export function readClientOffer(ch) {
    const ext = ch.extensions.map;
    const versions = ext.get(ExtensionType.supported_versions);
    if (!versions || !decodeSupportedVersionsClient(versions).includes(TLS13_VERSION)) {
        throw new TlsAlertError(AlertDescription.protocol_version, 'client does not offer TLS 1.3');
    }
    const tp = ext.get(ExtensionType.quic_transport_parameters);
    if (!tp)
        missing('quic_transport_parameters');
    const alpnExt = ext.get(ExtensionType.application_layer_protocol_negotiation);
    if (!alpnExt)
        throw new TlsAlertError(AlertDescription.no_application_protocol, 'ClientHello without ALPN');
    const alpn = decodeAlpn(alpnExt);
    const sni = ext.get(ExtensionType.server_name);
    const serverName = sni ? decodeServerName(sni) : undefined;
    const pskExt = ext.get(ExtensionType.pre_shared_key);
    let psk;
    if (pskExt) {
        const modesExt = ext.get(ExtensionType.psk_key_exchange_modes);
        if (!modesExt)
            missing('psk_key_exchange_modes next to pre_shared_key');
        const offered = decodeOfferedPsks(pskExt);
        if (decodePskModes(modesExt).includes(PskKeyExchangeMode.psk_dhe_ke))
            psk = offered;
    }
    else {
        const modesExt = ext.get(ExtensionType.psk_key_exchange_modes);
        if (modesExt)
            decodePskModes(modesExt);
    }
    const groupsExt = ext.get(ExtensionType.supported_groups);
    const sharesExt = ext.get(ExtensionType.key_share);
    if (!groupsExt)
        missing('supported_groups');
    if (!sharesExt)
        missing('key_share');
    const supportedGroups = decodeU16List('supported_groups', groupsExt);
    const keyShares = decodeKeyShareClient(sharesExt);
    for (const share of keyShares) {
        if (!supportedGroups.includes(share.group))
            throw new TlsAlertError(AlertDescription.illegal_parameter, `key_share for group ${share.group} not in supported_groups`);
    }
    const sigExt = ext.get(ExtensionType.signature_algorithms);
    if (!sigExt && !pskExt)
        missing('signature_algorithms');
    const signatureAlgorithms = sigExt ? decodeU16List('signature_algorithms', sigExt) : undefined;
    const cookieExt = ext.get(ExtensionType.cookie);
    const cookie = cookieExt ? decodeCookie(cookieExt) : undefined;
    return { serverName, alpn, transportParameters: tp, supportedGroups, keyShares, signatureAlgorithms, psk, cookie };
}
//# sourceMappingURL=client-hello-offer.js.map