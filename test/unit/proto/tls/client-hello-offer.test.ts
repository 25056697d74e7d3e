import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readClientOffer } from '../../../../src/proto/tls/client-hello-offer.js';
import { decodeClientHello, encodeClientHello } from '../../../../src/proto/tls/client-hello.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import {
  ExtensionType, NamedGroup, encodeAlpn, encodeKeyShareClient, encodeOfferedPsks, encodePskModes, encodeSupportedVersionsClient,
  encodeU16List, type Extension,
} from '../../../../src/proto/tls/extensions.js';
import { fromHex, utf8 } from '../../../../src/proto/util/bytes.js';
import { CHROMIUM_CLIENT_HELLO_HEX } from '../../../vectors/chromium-client-hello.js';

const base: Extension[] = [
  { type: ExtensionType.supported_versions, data: encodeSupportedVersionsClient([0x0304]) },
  { type: ExtensionType.supported_groups, data: encodeU16List([NamedGroup.x25519]) },
  { type: ExtensionType.key_share, data: encodeKeyShareClient([{ group: NamedGroup.x25519, keyExchange: new Uint8Array(32).fill(9) }]) },
  { type: ExtensionType.application_layer_protocol_negotiation, data: encodeAlpn([utf8('h3')]) },
  { type: ExtensionType.quic_transport_parameters, data: new Uint8Array([1]) },
];

function offerOf(exts: Extension[]) {
  return readClientOffer(decodeClientHello(encodeClientHello(new Uint8Array(32), [0x1301], exts).subarray(4)));
}

function alert(fn: () => unknown): number {
  try { fn(); } catch (e) { if (e instanceof TlsAlertError) return e.alert; throw e; }
  return -1;
}

describe('readClientOffer', () => {
  test('Chromium: groups incl. X25519MLKEM768, two shares, h3, no SNI, no PSK', () => {
    const offer = readClientOffer(decodeClientHello(fromHex(CHROMIUM_CLIENT_HELLO_HEX).subarray(4)));
    assert.deepEqual(offer.supportedGroups, [0x11ec, 0x1d, 0x17, 0x18]);
    assert.deepEqual(offer.keyShares.map((s) => [s.group, s.keyExchange.length]), [[0x11ec, 1216], [0x1d, 32]]);
    assert.deepEqual(offer.alpn, [utf8('h3')]);
    assert.equal(offer.serverName, undefined);
    assert.equal(offer.psk, undefined);
    assert.ok(offer.signatureAlgorithms!.includes(0x0403));
  });

  test('signature_algorithms may be absent only with a PSK; PSK needs psk_key_exchange_modes', () => {
    assert.equal(alert(() => offerOf(base)), AlertDescription.missing_extension);
    const psk = { type: ExtensionType.pre_shared_key, data: encodeOfferedPsks([{ identity: new Uint8Array([1]), obfuscatedTicketAge: 0 }], [new Uint8Array(32)]) };
    assert.equal(alert(() => offerOf([...base, psk])), AlertDescription.missing_extension);
    const modes = { type: ExtensionType.psk_key_exchange_modes, data: encodePskModes([1]) };
    assert.equal(offerOf([...base, modes, psk]).psk?.identities.length, 1);
    // psk_ke only: the PSK is ignored (we always use (EC)DHE).
    assert.equal(offerOf([...base, { type: ExtensionType.psk_key_exchange_modes, data: encodePskModes([0]) }, psk]).psk, undefined);
  });
});
