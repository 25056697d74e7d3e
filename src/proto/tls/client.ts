/**
 * TLS 1.3 client for QUIC (RFC 8446, RFC 9001 §4): ClientHello (with an optional resumption
 * PSK), HelloRetryRequest, server authentication, client certificates, NewSessionTicket.
 */
import { CIPHER_SUITES, cipherSuite, type CipherSuite } from '../crypto/cipher-suites.js';
import type { KeyExchangeGroup, KeyShare } from '../crypto/provider.js';
import { hashLength } from '../crypto/provider.js';
import { bytesEqual, concatBytes, utf8 } from '../util/bytes.js';
import type { Micros } from '../util/time.js';
import { AlertDescription, TlsAlertError } from './alerts.js';
import {
  decodeCertificate, decodeCertificateRequest, decodeCertificateVerify, certificateVerifyInput,
  encodeCertificate, encodeCertificateVerify,
} from './certificate.js';
import { encodeClientHello } from './client-hello.js';
import { decodeEncryptedExtensions } from './encrypted-extensions.js';
import {
  ExtensionType, PskKeyExchangeMode, TLS13_VERSION, decodeAlpn, decodeCookie, decodeKeyShareServer, decodeServerName,
  decodeU16, encodeAlpn, encodeCookie, encodeKeyShareClient, encodeOfferedPsks, encodePskModes, encodeServerName,
  encodeSupportedVersionsClient, encodeU16List, groupCode, groupName, type Extension, type ExtensionBlock,
} from './extensions.js';
import { computeVerifyData, encodeFinished, verifyDataEquals } from './finished.js';
import { KeySchedule, resumptionPsk, type TrafficSecrets } from './key-schedule.js';
import { KeyLogLabel } from './keylog.js';
import { HandshakeType, type HandshakeMessage } from './messages.js';
import { decodeServerHello, type ServerHello } from './server-hello.js';
import { EncryptionLevel, type CertificateVerifier, type SessionTicket, type SigningKey, type TlsSession } from './session.js';
import { TlsSessionBase, type TlsDeps } from './session-base.js';
import { computeBinder, decodeNewSessionTicket } from './session-ticket.js';
import { CERTIFICATE_CHAIN_SCHEMES, CERTIFICATE_VERIFY_SCHEMES } from './signature-schemes.js';

export interface TlsClientConfig {
  /** Host name for SNI and certificate checks; SNI is left out for IP literals. */
  serverName?: string;
  alpnProtocols: string[];
  /** Our encoded quic_transport_parameters. */
  transportParameters: Uint8Array;
  /** Offered cipher suites in preference order (default 0x1301, 0x1302, 0x1303). */
  cipherSuites?: number[];
  /** Supported groups; a key share is sent for the first (default x25519, secp256r1). */
  groups?: KeyExchangeGroup[];
  /** signature_algorithms for CertificateVerify (default: every scheme we verify). */
  signatureSchemes?: number[];
  /** null disables certificate verification explicitly (the CertificateVerify signature is still checked). */
  verifier: CertificateVerifier | null;
  clientCertificate?: { chain: Uint8Array[]; key: SigningKey };
  /** Offer this ticket for PSK resumption (psk_dhe_ke). */
  sessionTicket?: SessionTicket;
}

const DEFAULT_SUITES = [0x1301, 0x1302, 0x1303];
/** Shared by every session using the default list (not one filtered copy each). */
const DEFAULT_SUPPORTED_SUITES: readonly number[] = DEFAULT_SUITES.filter((s) => cipherSuite(s) !== undefined);
/** Nothing offered yet / any more (shared, never written to). */
const NONE_OFFERED: ReadonlySet<number> = new Set<number>();
const DEFAULT_GROUPS: KeyExchangeGroup[] = ['x25519', 'secp256r1'];
/** Stands for the config once the handshake is over (shared, read by nothing). */
const RELEASED_CONFIG: TlsClientConfig = Object.freeze({ alpnProtocols: [], transportParameters: new Uint8Array(0), verifier: null });

type ClientState = 'start' | 'wait_sh' | 'wait_ee' | 'wait_cert_cr' | 'wait_cert' | 'wait_cv' | 'wait_finished' | 'connected';

/** An IPv4 or IPv6 literal (RFC 6066 §3: literal addresses are not sent in SNI). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

export function createTlsClient(config: TlsClientConfig, deps: TlsDeps): TlsSession {
  return new TlsClient(config, deps);
}

export class TlsClient extends TlsSessionBase implements TlsSession {
  readonly isServer = false;
  /** Released once the handshake completes. */
  private config: TlsClientConfig;
  private readonly suites: readonly number[];
  private readonly groups: readonly KeyExchangeGroup[];
  private readonly sigSchemes: readonly number[];
  private alpnBytes: Uint8Array[];
  private state: ClientState = 'start';
  private keyShare: KeyShare | undefined;
  private offered: ReadonlySet<number> = NONE_OFFERED;
  private ticket: SessionTicket | undefined;
  private ticketPsk: Uint8Array | undefined;
  private retried = false;
  private retrySuite: number | undefined;
  private schedule: KeySchedule | undefined;
  private hsSecrets: TrafficSecrets | undefined;
  private certRequest: { context: Uint8Array; schemes: readonly number[] } | undefined;
  private resumptionMaster: Uint8Array | undefined;

  constructor(config: TlsClientConfig, deps: TlsDeps) {
    super(deps);
    this.config = config;
    this.suites = config.cipherSuites ? config.cipherSuites.filter((s) => cipherSuite(s) !== undefined) : DEFAULT_SUPPORTED_SUITES;
    this.groups = config.groups ?? DEFAULT_GROUPS;
    this.sigSchemes = config.signatureSchemes ?? CERTIFICATE_VERIFY_SCHEMES;
    this.alpnBytes = config.alpnProtocols.map((p) => utf8(p));
    this.serverName = config.serverName;
    if (this.suites.length === 0 || this.groups.length === 0 || this.alpnBytes.length === 0) {
      throw new RangeError('TLS client needs at least one cipher suite, group and ALPN protocol');
    }
  }

  start(now: Micros): void {
    if (this.state !== 'start') return;
    this.clientRandom = this.random.fill(new Uint8Array(32));
    this.ticket = this.usableTicket(now);
    this.keyShare = this.crypto.generateKeyShare(this.groups[0]!);
    this.send(EncryptionLevel.INITIAL, this.buildClientHello(now, undefined));
    this.state = 'wait_sh';
  }

  private usableTicket(now: Micros): SessionTicket | undefined {
    const t = this.config.sessionTicket;
    if (!t) return undefined;
    const suite = cipherSuite(t.suite);
    if (!suite || !this.suites.includes(t.suite)) return undefined;
    if (t.serverName !== (this.config.serverName ?? '') || !this.config.alpnProtocols.includes(t.alpn)) return undefined;
    if (now < t.receivedAt || now - t.receivedAt > t.lifetimeSeconds * 1_000_000) return undefined;
    this.ticketPsk = resumptionPsk(this.crypto, suite.hash, t.resumptionSecret, t.ticketNonce);
    return t;
  }

  private buildClientHello(now: Micros, cookie: Uint8Array | undefined): Uint8Array {
    const ext: Extension[] = [];
    const name = this.config.serverName;
    if (name !== undefined && name !== '' && !isIpLiteral(name)) ext.push({ type: ExtensionType.server_name, data: encodeServerName(name) });
    ext.push(
      { type: ExtensionType.supported_versions, data: encodeSupportedVersionsClient([TLS13_VERSION]) },
      { type: ExtensionType.supported_groups, data: encodeU16List(this.groups.map(groupCode)) },
      { type: ExtensionType.signature_algorithms, data: encodeU16List(this.sigSchemes) },
      { type: ExtensionType.signature_algorithms_cert, data: encodeU16List(CERTIFICATE_CHAIN_SCHEMES) },
      { type: ExtensionType.application_layer_protocol_negotiation, data: encodeAlpn(this.alpnBytes) },
      { type: ExtensionType.key_share, data: encodeKeyShareClient([{ group: groupCode(this.keyShare!.group), keyExchange: this.keyShare!.publicKey }]) },
      { type: ExtensionType.psk_key_exchange_modes, data: encodePskModes([PskKeyExchangeMode.psk_dhe_ke]) },
      { type: ExtensionType.quic_transport_parameters, data: this.config.transportParameters },
    );
    if (cookie) ext.push({ type: ExtensionType.cookie, data: encodeCookie(cookie) });
    const ticket = this.ticket;
    const hash = ticket ? cipherSuite(ticket.suite)!.hash : undefined;
    if (ticket && hash) {
      const age = (Math.floor((now - ticket.receivedAt) / 1000) + ticket.ticketAgeAdd) >>> 0;
      const placeholder = new Uint8Array(hashLength(hash));
      ext.push({ type: ExtensionType.pre_shared_key, data: encodeOfferedPsks([{ identity: ticket.ticket, obfuscatedTicketAge: age }], [placeholder]) });
    }
    this.offered = new Set(ext.map((e) => e.type));
    const hello = encodeClientHello(this.clientRandom, this.suites, ext);
    if (ticket && hash) {
      // The binder covers the ClientHello up to the binders list (2 + 1 + HashLen bytes at the end).
      const binderLength = hashLength(hash);
      const truncated = hello.subarray(0, hello.length - 3 - binderLength);
      const binder = computeBinder(this.crypto, hash, this.ticketPsk!, this.transcript.digestWith(hash, truncated));
      hello.set(binder, hello.length - binderLength);
    }
    this.transcript.add(hello);
    return hello;
  }

  protected handleMessage(level: EncryptionLevel, m: HandshakeMessage, now: Micros): void {
    const s = this.state;
    if (level === EncryptionLevel.INITIAL && s === 'wait_sh' && m.type === HandshakeType.server_hello) return this.onServerHello(m, now);
    if (level === EncryptionLevel.HANDSHAKE) {
      if (s === 'wait_ee' && m.type === HandshakeType.encrypted_extensions) return this.onEncryptedExtensions(m);
      if (s === 'wait_cert_cr' && m.type === HandshakeType.certificate_request) return this.onCertificateRequest(m);
      if ((s === 'wait_cert_cr' || s === 'wait_cert') && m.type === HandshakeType.certificate) return this.onCertificate(m, now);
      if (s === 'wait_cv' && m.type === HandshakeType.certificate_verify) return this.onCertificateVerify(m);
      if (s === 'wait_finished' && m.type === HandshakeType.finished) return this.onFinished(m);
    }
    if (level === EncryptionLevel.APPLICATION && s === 'connected' && m.type === HandshakeType.new_session_ticket) {
      return this.onNewSessionTicket(m, now);
    }
    this.unexpected(level, m, s);
  }

  /** Extensions the server may only echo when we offered them; `allowed` are legal in this message. */
  private checkResponseExtensions(block: ExtensionBlock, allowed: readonly number[], what: string, unsolicited = -1): void {
    for (const type of block.order) {
      if (!this.offered.has(type) && type !== unsolicited) throw new TlsAlertError(AlertDescription.unsupported_extension, `${what}: extension ${type} was not offered`);
      if (!allowed.includes(type)) throw new TlsAlertError(AlertDescription.illegal_parameter, `${what}: extension ${type} not allowed here`);
    }
  }

  private checkCommonHello(sh: ServerHello, what: string): CipherSuite {
    const versionExt = sh.extensions.map.get(ExtensionType.supported_versions);
    if (!versionExt) throw new TlsAlertError(AlertDescription.protocol_version, `${what} without supported_versions`);
    if (decodeU16('supported_versions', versionExt) !== TLS13_VERSION) throw new TlsAlertError(AlertDescription.illegal_parameter, `${what}: not TLS 1.3`);
    if (sh.legacySessionIdEcho.length !== 0) throw new TlsAlertError(AlertDescription.illegal_parameter, `${what}: session id echo differs`);
    if (!this.suites.includes(sh.cipherSuite)) throw new TlsAlertError(AlertDescription.illegal_parameter, `${what}: cipher suite not offered`);
    if (this.retrySuite !== undefined && sh.cipherSuite !== this.retrySuite) {
      throw new TlsAlertError(AlertDescription.illegal_parameter, 'ServerHello suite differs from HelloRetryRequest');
    }
    return CIPHER_SUITES[sh.cipherSuite as keyof typeof CIPHER_SUITES];
  }

  private onServerHello(m: HandshakeMessage, now: Micros): void {
    const sh = decodeServerHello(m.body);
    if (sh.isHelloRetryRequest) return this.onHelloRetryRequest(sh, m, now);
    const suite = this.checkCommonHello(sh, 'ServerHello');
    this.checkResponseExtensions(sh.extensions, [ExtensionType.supported_versions, ExtensionType.key_share, ExtensionType.pre_shared_key], 'ServerHello');
    const shareExt = sh.extensions.map.get(ExtensionType.key_share);
    if (!shareExt) throw new TlsAlertError(AlertDescription.missing_extension, 'ServerHello without key_share (psk_ke is not offered)');
    const share = decodeKeyShareServer(shareExt);
    if (share.group !== groupCode(this.keyShare!.group)) throw new TlsAlertError(AlertDescription.illegal_parameter, 'ServerHello key_share group was not offered');
    let psk: Uint8Array | undefined;
    const pskExt = sh.extensions.map.get(ExtensionType.pre_shared_key);
    if (pskExt) {
      if (decodeU16('pre_shared_key', pskExt) !== 0) throw new TlsAlertError(AlertDescription.illegal_parameter, 'selected PSK identity out of range');
      if (cipherSuite(this.ticket!.suite)!.hash !== suite.hash) throw new TlsAlertError(AlertDescription.illegal_parameter, 'PSK hash differs from the cipher suite hash');
      psk = this.ticketPsk;
      this.resumed = true;
    }
    this.cipherSuite = suite;
    if (!this.retried) this.transcript.setHash(suite.hash);
    this.transcript.add(m.raw);
    const shared = this.deriveShared(this.keyShare!, share.keyExchange);
    this.requireNoPendingData(EncryptionLevel.INITIAL);
    this.schedule = new KeySchedule(this.crypto, suite.hash, psk);
    this.schedule.deriveHandshakeSecret(shared);
    this.hsSecrets = this.schedule.handshakeTrafficSecrets(this.transcript.digest());
    this.emitSecret(EncryptionLevel.HANDSHAKE, 'read', this.hsSecrets.server);
    this.emitSecret(EncryptionLevel.HANDSHAKE, 'write', this.hsSecrets.client);
    this.emitKeyLog(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, this.hsSecrets.client);
    this.emitKeyLog(KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, this.hsSecrets.server);
    this.state = 'wait_ee';
  }

  private onHelloRetryRequest(hrr: ServerHello, m: HandshakeMessage, now: Micros): void {
    if (this.retried) throw new TlsAlertError(AlertDescription.unexpected_message, 'second HelloRetryRequest');
    const suite = this.checkCommonHello(hrr, 'HelloRetryRequest');
    this.checkResponseExtensions(hrr.extensions, [ExtensionType.supported_versions, ExtensionType.key_share, ExtensionType.cookie], 'HelloRetryRequest', ExtensionType.cookie);
    const groupExt = hrr.extensions.map.get(ExtensionType.key_share);
    const cookieExt = hrr.extensions.map.get(ExtensionType.cookie);
    const cookie = cookieExt ? decodeCookie(cookieExt).slice() : undefined;
    let group: KeyExchangeGroup | undefined = this.keyShare!.group;
    if (groupExt) {
      const code = decodeU16('key_share', groupExt);
      group = groupName(code);
      if (!group || !this.groups.includes(group) || group === this.keyShare!.group) {
        throw new TlsAlertError(AlertDescription.illegal_parameter, 'HelloRetryRequest selected an unusable group');
      }
    } else if (!cookie) {
      throw new TlsAlertError(AlertDescription.illegal_parameter, 'HelloRetryRequest would not change the ClientHello');
    }
    this.retried = true;
    this.retrySuite = suite.id;
    this.transcript.setHash(suite.hash);
    this.transcript.replaceWithMessageHash();
    this.transcript.add(m.raw);
    this.requireNoPendingData(EncryptionLevel.INITIAL);
    // A ticket whose hash does not match the chosen suite is dropped (RFC 8446 §4.1.2).
    if (this.ticket && cipherSuite(this.ticket.suite)!.hash !== suite.hash) this.ticket = undefined;
    if (group !== this.keyShare!.group) this.keyShare = this.crypto.generateKeyShare(group);
    this.send(EncryptionLevel.INITIAL, this.buildClientHello(now, cookie));
  }

  private onEncryptedExtensions(m: HandshakeMessage): void {
    const ee = decodeEncryptedExtensions(m.body);
    this.checkResponseExtensions(ee, [
      ExtensionType.server_name, ExtensionType.supported_groups, ExtensionType.application_layer_protocol_negotiation,
      ExtensionType.quic_transport_parameters,
    ], 'EncryptedExtensions');
    const sni = ee.map.get(ExtensionType.server_name);
    if (sni && sni.length !== 0) decodeServerName(sni); // only an empty acknowledgement is expected
    const alpnExt = ee.map.get(ExtensionType.application_layer_protocol_negotiation);
    if (!alpnExt) throw new TlsAlertError(AlertDescription.no_application_protocol, 'server selected no ALPN protocol');
    const selected = decodeAlpn(alpnExt);
    const index = selected.length === 1 ? this.alpnBytes.findIndex((p) => bytesEqual(p, selected[0]!)) : -1;
    if (index < 0) throw new TlsAlertError(AlertDescription.illegal_parameter, 'server selected an ALPN protocol we did not offer');
    this.alpn = this.config.alpnProtocols[index];
    const params = ee.map.get(ExtensionType.quic_transport_parameters);
    if (!params) throw new TlsAlertError(AlertDescription.missing_extension, 'server sent no quic_transport_parameters');
    this.peerTransportParameters = params.slice();
    this.transcript.add(m.raw);
    this.state = this.resumed ? 'wait_finished' : 'wait_cert_cr';
  }

  private onCertificateRequest(m: HandshakeMessage): void {
    const cr = decodeCertificateRequest(m.body);
    if (cr.context.length !== 0) throw new TlsAlertError(AlertDescription.illegal_parameter, 'CertificateRequest context must be empty in the handshake');
    this.certRequest = { context: cr.context, schemes: cr.signatureAlgorithms };
    this.transcript.add(m.raw);
    this.state = 'wait_cert';
  }

  private onCertificate(m: HandshakeMessage, now: Micros): void {
    const cert = decodeCertificate(m.body);
    if (cert.context.length !== 0) throw new TlsAlertError(AlertDescription.illegal_parameter, 'server Certificate context must be empty');
    if (cert.chain.length === 0) throw new TlsAlertError(AlertDescription.decode_error, 'server sent an empty Certificate');
    this.peerCertificates = cert.chain;
    if (this.config.verifier) this.verifyChain(this.config.verifier, cert.chain, this.config.serverName, now);
    this.transcript.add(m.raw);
    this.state = 'wait_cv';
  }

  private onCertificateVerify(m: HandshakeMessage): void {
    const cv = decodeCertificateVerify(m.body);
    if (!this.sigSchemes.includes(cv.scheme)) throw new TlsAlertError(AlertDescription.illegal_parameter, `CertificateVerify scheme ${cv.scheme} not offered`);
    const input = certificateVerifyInput('server', this.transcript.digest());
    this.verifySignature(cv.scheme, this.peerCertificates[0]!, input, cv.signature);
    this.transcript.add(m.raw);
    this.state = 'wait_finished';
  }

  private onFinished(m: HandshakeMessage): void {
    const suite = this.cipherSuite!;
    const schedule = this.schedule!;
    const hs = this.hsSecrets!;
    const expected = computeVerifyData(this.crypto, suite.hash, hs.server, this.transcript.digest());
    if (!verifyDataEquals(expected, m.body)) throw new TlsAlertError(AlertDescription.decrypt_error, 'server Finished does not verify');
    this.transcript.add(m.raw);
    this.requireNoPendingData(EncryptionLevel.HANDSHAKE);
    schedule.deriveMasterSecret();
    const ap = schedule.applicationTrafficSecrets(this.transcript.digest());
    this.emitSecret(EncryptionLevel.APPLICATION, 'read', ap.server);
    this.emitSecret(EncryptionLevel.APPLICATION, 'write', ap.client);
    this.emitKeyLog(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0, ap.client);
    this.emitKeyLog(KeyLogLabel.SERVER_TRAFFIC_SECRET_0, ap.server);

    const flight: Uint8Array[] = [];
    if (this.certRequest) this.writeClientCertificate(flight, this.certRequest);
    const fin = encodeFinished(computeVerifyData(this.crypto, suite.hash, hs.client, this.transcript.digest()));
    this.transcript.add(fin);
    flight.push(fin);
    this.send(EncryptionLevel.HANDSHAKE, flight.length === 1 ? fin : concatBytes(...flight));
    this.resumptionMaster = schedule.resumptionMasterSecret(this.transcript.digest());
    this.state = 'connected';
    this.handshakeComplete = true;
    this.releaseClientHandshakeState();
    this.emit({ type: 'handshakeComplete' });
  }

  /** Only what post-handshake tickets need (suite, ALPN, resumption master) outlives the handshake. */
  private releaseClientHandshakeState(): void {
    this.schedule = undefined;
    this.hsSecrets = undefined;
    this.keyShare = undefined;
    this.ticket = undefined;
    this.ticketPsk = undefined;
    this.certRequest = undefined;
    this.offered = NONE_OFFERED;
    this.alpnBytes = [];
    // Session tickets need only serverName and alpn, both kept apart: the caller's config goes.
    this.config = RELEASED_CONFIG;
    this.releaseHandshakeState();
  }

  /** Certificate (empty when we have none usable) and CertificateVerify (RFC 8446 §4.4.2). */
  private writeClientCertificate(flight: Uint8Array[], request: { context: Uint8Array; schemes: readonly number[] }): void {
    const own = this.config.clientCertificate;
    const scheme = own?.key.schemes.find((s) => request.schemes.includes(s) && CERTIFICATE_VERIFY_SCHEMES.includes(s));
    const chain = own && scheme !== undefined ? own.chain : [];
    const cert = encodeCertificate(request.context, chain);
    this.transcript.add(cert);
    flight.push(cert);
    if (own && scheme !== undefined && chain.length > 0) {
      const signature = own.key.sign(scheme, certificateVerifyInput('client', this.transcript.digest()));
      const cv = encodeCertificateVerify(scheme, signature);
      this.transcript.add(cv);
      flight.push(cv);
    }
  }

  private onNewSessionTicket(m: HandshakeMessage, now: Micros): void {
    const nst = decodeNewSessionTicket(m.body);
    if (nst.lifetimeSeconds === 0) return; // "discard immediately" (RFC 8446 §4.6.1)
    const ticket: SessionTicket = {
      serverName: this.serverName ?? '',
      alpn: this.alpn!,
      suite: this.cipherSuite!.id,
      ticket: nst.ticket,
      resumptionSecret: this.resumptionMaster!,
      ticketNonce: nst.nonce,
      ticketAgeAdd: nst.ageAdd,
      lifetimeSeconds: nst.lifetimeSeconds,
      receivedAt: now,
      maxEarlyData: nst.maxEarlyData,
      ...(this.peerTransportParameters ? { transportParameters: this.peerTransportParameters } : {}),
    };
    this.emit({ type: 'sessionTicket', ticket });
  }
}
