/**
 * TLS 1.3 server for QUIC (RFC 8446, RFC 9001 §4): negotiation by server preference,
 * HelloRetryRequest when the client has no share for a group we support, certificate
 * authentication, optional client certificates, and ticket-based PSK resumption.
 */
import { CIPHER_SUITES, cipherSuite, type CipherSuite } from '../crypto/cipher-suites.js';
import type { KeyExchangeGroup } from '../crypto/provider.js';
import { ByteReader, ByteWriter, bytesEqual, concatBytes, utf8 } from '../util/bytes.js';
import type { Micros } from '../util/time.js';
import { AlertDescription, TlsAlertError } from './alerts.js';
import {
  certificateVerifyInput, decodeCertificate, decodeCertificateVerify, encodeCertificate, encodeCertificateRequest,
  encodeCertificateVerify,
} from './certificate.js';
import { readClientOffer, type ClientOffer } from './client-hello-offer.js';
import { decodeClientHello } from './client-hello.js';
import { encodeEncryptedExtensions } from './encrypted-extensions.js';
import {
  ExtensionType, TLS13_VERSION, encodeAlpn, encodeKeyShareServer, encodeU16, groupCode, keyShareLength,
  type Extension, type KeyShareEntry,
} from './extensions.js';
import { computeVerifyData, encodeFinished, verifyDataEquals } from './finished.js';
import { KeySchedule, resumptionPsk, type TrafficSecrets } from './key-schedule.js';
import { KeyLogLabel } from './keylog.js';
import { HandshakeType, type HandshakeMessage } from './messages.js';
import { HELLO_RETRY_REQUEST_RANDOM, encodeServerHello } from './server-hello.js';
import { EncryptionLevel, type CertificateVerifier, type SigningKey, type TlsSession } from './session.js';
import { TlsSessionBase, type TlsDeps } from './session-base.js';
import { MAX_TICKET_LIFETIME_SECONDS, computeBinder, encodeNewSessionTicket, openTicket, sealTicket } from './session-ticket.js';
import { CERTIFICATE_VERIFY_SCHEMES } from './signature-schemes.js';

export interface TlsServerConfig {
  /** DER certificates, leaf first. */
  certificateChain: Uint8Array[];
  signingKey: SigningKey;
  /** ALPN protocols in server preference order; no overlap with the client is fatal (120). */
  alpnProtocols: string[];
  transportParameters: Uint8Array;
  cipherSuites?: number[];
  groups?: KeyExchangeGroup[];
  requestClientCertificate?: boolean;
  /** Refuse a handshake without a client certificate (default: when a client verifier is set). */
  requireClientCertificate?: boolean;
  clientCertificateVerifier?: CertificateVerifier;
  /** 32 bytes: enables issuing tickets and accepting them for resumption. */
  ticketKey?: Uint8Array;
  ticketLifetimeSeconds?: number;
  /** Picks a certificate for the client's SNI; undefined falls back to certificateChain/signingKey. */
  selectCertificate?: (serverName: string | undefined) => { chain: Uint8Array[]; key: SigningKey } | undefined;
}

const DEFAULT_SUITES = [0x1301, 0x1302, 0x1303];
/** Shared by every session using the default list (not one filtered copy each). */
const DEFAULT_SUPPORTED_SUITES: readonly number[] = DEFAULT_SUITES.filter((s) => cipherSuite(s) !== undefined);
const DEFAULT_GROUPS: KeyExchangeGroup[] = ['x25519', 'secp256r1'];
const DEFAULT_TICKET_LIFETIME = 86_400;

type ServerState = 'wait_ch' | 'wait_ch2' | 'wait_cert' | 'wait_cv' | 'wait_finished' | 'connected';

export function createTlsServer(config: TlsServerConfig, deps: TlsDeps): TlsSession {
  return new TlsServer(config, deps);
}

export class TlsServer extends TlsSessionBase implements TlsSession {
  readonly isServer = true;
  private readonly config: TlsServerConfig;
  private readonly suites: readonly number[];
  private readonly groups: readonly KeyExchangeGroup[];
  private state: ServerState = 'wait_ch';
  private retryGroup: KeyExchangeGroup | undefined;
  private schedule: KeySchedule | undefined;
  private hsSecrets: TrafficSecrets | undefined;
  private clientAppSecret: Uint8Array | undefined;
  private resumptionMaster: Uint8Array | undefined;
  private ticketsIssued = 0;

  constructor(config: TlsServerConfig, deps: TlsDeps) {
    super(deps);
    this.config = config;
    this.suites = config.cipherSuites ? config.cipherSuites.filter((s) => cipherSuite(s) !== undefined) : DEFAULT_SUPPORTED_SUITES;
    this.groups = config.groups ?? DEFAULT_GROUPS;
    if (this.suites.length === 0 || this.groups.length === 0) throw new RangeError('TLS server needs a cipher suite and a group');
    if (config.ticketKey && config.ticketKey.length !== 32) throw new RangeError('ticketKey must be 32 bytes');
  }

  start(_now: Micros): void {
    // The server waits for the ClientHello.
  }

  protected handleMessage(level: EncryptionLevel, m: HandshakeMessage, now: Micros): void {
    const s = this.state;
    if (level === EncryptionLevel.INITIAL && (s === 'wait_ch' || s === 'wait_ch2') && m.type === HandshakeType.client_hello) {
      return this.onClientHello(m, now);
    }
    if (level === EncryptionLevel.HANDSHAKE) {
      if (s === 'wait_cert' && m.type === HandshakeType.certificate) return this.onCertificate(m, now);
      if (s === 'wait_cv' && m.type === HandshakeType.certificate_verify) return this.onCertificateVerify(m);
      if (s === 'wait_finished' && m.type === HandshakeType.finished) return this.onFinished(m);
    }
    this.unexpected(level, m, s);
  }

  private chooseSuite(offered: readonly number[]): CipherSuite {
    const id = this.suites.find((s) => offered.includes(s));
    if (id === undefined) throw new TlsAlertError(AlertDescription.handshake_failure, 'no cipher suite in common');
    return CIPHER_SUITES[id as keyof typeof CIPHER_SUITES];
  }

  private chooseAlpn(offer: ClientOffer): string {
    for (const p of this.config.alpnProtocols) {
      const bytes = utf8(p);
      if (offer.alpn.some((o) => bytesEqual(o, bytes))) return p;
    }
    throw new TlsAlertError(AlertDescription.no_application_protocol, 'no ALPN protocol in common');
  }

  private onClientHello(m: HandshakeMessage, now: Micros): void {
    const ch = decodeClientHello(m.body);
    const offer = readClientOffer(ch);
    const retry = this.state === 'wait_ch2';
    if (retry && !bytesEqual(ch.random, this.clientRandom)) throw new TlsAlertError(AlertDescription.illegal_parameter, 'second ClientHello changed its random');
    const suite = this.chooseSuite(ch.cipherSuites);
    if (retry && suite !== this.cipherSuite) throw new TlsAlertError(AlertDescription.illegal_parameter, 'second ClientHello changed cipher suites');
    const alpn = this.chooseAlpn(offer);
    this.clientRandom = ch.random.slice();
    this.cipherSuite = suite;
    this.serverName = offer.serverName;
    this.alpn = alpn;
    this.peerTransportParameters = offer.transportParameters.slice();

    const share = this.chooseKeyShare(offer, retry);
    if (!retry) this.transcript.setHash(suite.hash);
    if (!share) return this.sendHelloRetryRequest(m, ch.legacySessionId);
    const psk = this.acceptPsk(offer, m.raw, suite, alpn, now);
    this.transcript.add(m.raw);
    this.requireNoPendingData(EncryptionLevel.INITIAL);

    const group = share.group;
    const ours = this.crypto.generateKeyShare(group);
    const shared = this.deriveShared(ours, share.entry.keyExchange);
    const shExt: Extension[] = [
      { type: ExtensionType.supported_versions, data: encodeU16(TLS13_VERSION) },
      { type: ExtensionType.key_share, data: encodeKeyShareServer({ group: groupCode(group), keyExchange: ours.publicKey }) },
    ];
    if (psk) shExt.push({ type: ExtensionType.pre_shared_key, data: encodeU16(psk.index) });
    const sh = encodeServerHello(this.random.fill(new Uint8Array(32)), ch.legacySessionId, suite.id, shExt);
    this.transcript.add(sh);
    this.send(EncryptionLevel.INITIAL, sh);
    this.resumed = psk !== undefined;

    const schedule = new KeySchedule(this.crypto, suite.hash, psk?.secret);
    schedule.deriveHandshakeSecret(shared);
    const hs = schedule.handshakeTrafficSecrets(this.transcript.digest());
    this.schedule = schedule;
    this.hsSecrets = hs;
    this.emitSecret(EncryptionLevel.HANDSHAKE, 'write', hs.server);
    this.emitSecret(EncryptionLevel.HANDSHAKE, 'read', hs.client);
    this.emitKeyLog(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, hs.client);
    this.emitKeyLog(KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, hs.server);

    this.send(EncryptionLevel.HANDSHAKE, this.serverFlight(offer, alpn));
    schedule.deriveMasterSecret();
    const ap = schedule.applicationTrafficSecrets(this.transcript.digest());
    this.clientAppSecret = ap.client;
    this.emitSecret(EncryptionLevel.APPLICATION, 'write', ap.server);
    this.emitKeyLog(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0, ap.client);
    this.emitKeyLog(KeyLogLabel.SERVER_TRAFFIC_SECRET_0, ap.server);
    this.state = this.wantsClientCertificate() ? 'wait_cert' : 'wait_finished';
  }

  private wantsClientCertificate(): boolean {
    return this.config.requestClientCertificate === true && !this.resumed;
  }

  /** Our most preferred group the client sent a share for; undefined asks for a retry. */
  private chooseKeyShare(offer: ClientOffer, retry: boolean): { group: KeyExchangeGroup; entry: KeyShareEntry } | undefined {
    const groups = retry ? [this.retryGroup!] : this.groups;
    for (const group of groups) {
      const entry = offer.keyShares.find((e) => e.group === groupCode(group));
      if (!entry) continue;
      if (entry.keyExchange.length !== keyShareLength(group)) throw new TlsAlertError(AlertDescription.illegal_parameter, `bad ${group} key share length`);
      return { group, entry };
    }
    if (retry) throw new TlsAlertError(AlertDescription.illegal_parameter, 'second ClientHello lacks the requested key share');
    const group = this.groups.find((g) => offer.supportedGroups.includes(groupCode(g)));
    if (!group) throw new TlsAlertError(AlertDescription.handshake_failure, 'no key exchange group in common');
    this.retryGroup = group;
    return undefined;
  }

  private sendHelloRetryRequest(m: HandshakeMessage, sessionId: Uint8Array): void {
    this.transcript.add(m.raw);
    this.transcript.replaceWithMessageHash();
    const hrr = encodeServerHello(HELLO_RETRY_REQUEST_RANDOM, sessionId, this.cipherSuite!.id, [
      { type: ExtensionType.supported_versions, data: encodeU16(TLS13_VERSION) },
      { type: ExtensionType.key_share, data: encodeU16(groupCode(this.retryGroup!)) },
    ]);
    this.transcript.add(hrr);
    this.send(EncryptionLevel.INITIAL, hrr);
    this.state = 'wait_ch2';
  }

  /**
   * The first offered ticket we issued that is still valid for this suite and ALPN. Its binder
   * must verify (decrypt_error otherwise); other tickets just fall back to a full handshake.
   */
  private acceptPsk(
    offer: ClientOffer, rawHello: Uint8Array, suite: CipherSuite, alpn: string, now: Micros,
  ): { index: number; secret: Uint8Array } | undefined {
    const key = this.config.ticketKey;
    if (!key || !offer.psk) return undefined;
    const { identities, binders, bindersSize } = offer.psk;
    for (let i = 0; i < identities.length; i++) {
      const t = openTicket(this.crypto, key, identities[i]!.identity);
      if (!t || t.alpn !== alpn || t.serverName !== (offer.serverName ?? '')) continue;
      const ticketSuite = cipherSuite(t.suite);
      if (!ticketSuite || ticketSuite.hash !== suite.hash) continue;
      if (now < t.issuedAt || now - t.issuedAt > t.lifetimeSeconds * 1_000_000) continue;
      const truncated = rawHello.subarray(0, rawHello.length - bindersSize);
      const expected = computeBinder(this.crypto, suite.hash, t.psk, this.transcript.digestWith(suite.hash, truncated));
      if (!verifyDataEquals(expected, binders[i]!)) throw new TlsAlertError(AlertDescription.decrypt_error, 'PSK binder does not verify');
      return { index: i, secret: t.psk };
    }
    return undefined;
  }

  /** EncryptedExtensions, [CertificateRequest], [Certificate, CertificateVerify], Finished. */
  private serverFlight(offer: ClientOffer, alpn: string): Uint8Array {
    const flight: Uint8Array[] = [];
    const add = (msg: Uint8Array): void => {
      this.transcript.add(msg);
      flight.push(msg);
    };
    add(encodeEncryptedExtensions([
      { type: ExtensionType.application_layer_protocol_negotiation, data: encodeAlpn([utf8(alpn)]) },
      { type: ExtensionType.quic_transport_parameters, data: this.config.transportParameters },
    ]));
    if (!this.resumed) {
      if (this.wantsClientCertificate()) add(encodeCertificateRequest(new Uint8Array(0), CERTIFICATE_VERIFY_SCHEMES));
      const selected = this.config.selectCertificate?.(offer.serverName);
      const chain = selected?.chain ?? this.config.certificateChain;
      const key = selected?.key ?? this.config.signingKey;
      const clientSchemes = offer.signatureAlgorithms ?? [];
      const scheme = key.schemes.find((s) => clientSchemes.includes(s) && CERTIFICATE_VERIFY_SCHEMES.includes(s));
      if (scheme === undefined) throw new TlsAlertError(AlertDescription.handshake_failure, 'no signature scheme in common');
      add(encodeCertificate(new Uint8Array(0), chain));
      add(encodeCertificateVerify(scheme, key.sign(scheme, certificateVerifyInput('server', this.transcript.digest()))));
    }
    add(encodeFinished(computeVerifyData(this.crypto, this.cipherSuite!.hash, this.hsSecrets!.server, this.transcript.digest())));
    return concatBytes(...flight);
  }

  private onCertificate(m: HandshakeMessage, now: Micros): void {
    const cert = decodeCertificate(m.body);
    if (cert.context.length !== 0) throw new TlsAlertError(AlertDescription.illegal_parameter, 'client Certificate context differs from the request');
    this.transcript.add(m.raw);
    if (cert.chain.length === 0) {
      const required = this.config.requireClientCertificate ?? this.config.clientCertificateVerifier !== undefined;
      if (required) throw new TlsAlertError(AlertDescription.certificate_required, 'client sent no certificate');
      this.state = 'wait_finished';
      return;
    }
    this.peerCertificates = cert.chain;
    if (this.config.clientCertificateVerifier) this.verifyChain(this.config.clientCertificateVerifier, cert.chain, undefined, now);
    this.state = 'wait_cv';
  }

  private onCertificateVerify(m: HandshakeMessage): void {
    const cv = decodeCertificateVerify(m.body);
    if (!CERTIFICATE_VERIFY_SCHEMES.includes(cv.scheme)) throw new TlsAlertError(AlertDescription.illegal_parameter, `CertificateVerify scheme ${cv.scheme} not requested`);
    this.verifySignature(cv.scheme, this.peerCertificates[0]!, certificateVerifyInput('client', this.transcript.digest()), cv.signature);
    this.transcript.add(m.raw);
    this.state = 'wait_finished';
  }

  private onFinished(m: HandshakeMessage): void {
    const expected = computeVerifyData(this.crypto, this.cipherSuite!.hash, this.hsSecrets!.client, this.transcript.digest());
    if (!verifyDataEquals(expected, m.body)) throw new TlsAlertError(AlertDescription.decrypt_error, 'client Finished does not verify');
    this.transcript.add(m.raw);
    this.requireNoPendingData(EncryptionLevel.HANDSHAKE);
    this.emitSecret(EncryptionLevel.APPLICATION, 'read', this.clientAppSecret!);
    this.resumptionMaster = this.schedule!.resumptionMasterSecret(this.transcript.digest());
    this.state = 'connected';
    this.handshakeComplete = true;
    // Only the resumption master secret (tickets) outlives the handshake.
    this.schedule = undefined;
    this.hsSecrets = undefined;
    this.clientAppSecret = undefined;
    this.releaseHandshakeState();
    this.emit({ type: 'handshakeComplete' });
  }

  /** Issues a NewSessionTicket at the APPLICATION level; a no-op without a ticket key or before completion. */
  sendSessionTicket(now: Micros): void {
    const key = this.config.ticketKey;
    if (!key || !this.handshakeComplete || !this.resumptionMaster) return;
    const suite = this.cipherSuite!;
    const lifetimeSeconds = Math.min(this.config.ticketLifetimeSeconds ?? DEFAULT_TICKET_LIFETIME, MAX_TICKET_LIFETIME_SECONDS);
    const nonce = new ByteWriter(8).u32(0).u32(this.ticketsIssued++).finish();
    const ageAddValue = new ByteReader(this.random.fill(new Uint8Array(4))).u32();
    const psk = resumptionPsk(this.crypto, suite.hash, this.resumptionMaster, nonce);
    const ticket = sealTicket(this.crypto, this.random, key, {
      suite: suite.id, alpn: this.alpn!, serverName: this.serverName ?? '', psk, issuedAt: now, lifetimeSeconds, ageAdd: ageAddValue,
    });
    this.send(EncryptionLevel.APPLICATION, encodeNewSessionTicket({ lifetimeSeconds, ageAdd: ageAddValue, nonce, ticket }));
  }
}
