/**
 * What the client and server sessions share: the event queue, per-level reassembly, the
 * transcript, negotiated facts, and latching the first fatal alert.
 */
import type { CipherSuite } from '../crypto/cipher-suites.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { Deque } from '../util/deque.js';
import type { RandomSource } from '../util/random.js';
import type { Micros } from '../util/time.js';
import { AlertDescription, TlsAlertError, alertName } from './alerts.js';
import { HandshakeReassembler, type HandshakeMessage } from './messages.js';
import { CertificateVerificationError, EncryptionLevel, type CertificateVerifier, type TlsEvent } from './session.js';
import { Transcript } from './transcript.js';

/** The client random before it is known and after the handshake (shared, never written to). */
const NO_RANDOM = new Uint8Array(0);

export interface TlsDeps {
  readonly crypto: CryptoProvider;
  readonly random: RandomSource;
}

export abstract class TlsSessionBase {
  abstract readonly isServer: boolean;
  handshakeComplete = false;
  alpn: string | undefined;
  serverName: string | undefined;
  peerTransportParameters: Uint8Array | undefined;
  cipherSuite: CipherSuite | undefined;
  peerCertificates: readonly Uint8Array[] = [];
  resumed = false;

  protected readonly crypto: CryptoProvider;
  protected readonly random: RandomSource;
  protected readonly transcript: Transcript;
  protected clientRandom: Uint8Array = NO_RANDOM;
  private readonly events = new Deque<TlsEvent>(4);
  /** Per encryption level, created when that level first carries handshake data. */
  private readonly reassemblers: (HandshakeReassembler | undefined)[] = [];
  private failure: TlsAlertError | undefined;

  constructor(deps: TlsDeps) {
    this.crypto = deps.crypto;
    this.random = deps.random;
    this.transcript = new Transcript(deps.crypto);
  }

  pollEvent(): TlsEvent | undefined {
    return this.events.shift();
  }

  handleHandshakeData(level: EncryptionLevel, data: Uint8Array, now: Micros): void {
    if (this.failure) throw this.failure;
    try {
      if (level !== EncryptionLevel.INITIAL && level !== EncryptionLevel.HANDSHAKE && level !== EncryptionLevel.APPLICATION) {
        throw new TlsAlertError(AlertDescription.unexpected_message, `handshake data at level ${level}`);
      }
      const reassembler = this.reassemblers[level] ??= new HandshakeReassembler();
      for (const message of reassembler.push(data)) this.handleMessage(level, message, now);
    } catch (err) {
      if (err instanceof TlsAlertError) this.failure = err;
      throw err;
    }
  }

  protected abstract handleMessage(level: EncryptionLevel, message: HandshakeMessage, now: Micros): void;

  protected emit(event: TlsEvent): void {
    this.events.push(event);
  }

  protected send(level: EncryptionLevel, data: Uint8Array): void {
    this.events.push({ type: 'handshakeData', level, data });
  }

  protected emitSecret(level: EncryptionLevel, direction: 'read' | 'write', secret: Uint8Array): void {
    this.events.push({ type: 'secret', level, direction, suite: this.cipherSuite!, secret });
  }

  protected emitKeyLog(label: string, secret: Uint8Array): void {
    this.events.push({ type: 'keyLog', label, clientRandom: this.clientRandom, secret });
  }

  /** Keys change only at message boundaries (RFC 9001 §4.1.3): no partial message may remain. */
  protected requireNoPendingData(level: EncryptionLevel): void {
    if ((this.reassemblers[level]?.buffered ?? 0) > 0) {
      throw new TlsAlertError(AlertDescription.unexpected_message, 'handshake data left over at a key change');
    }
  }

  /**
   * Once the handshake is complete only post-handshake messages (APPLICATION level) can follow:
   * the transcript, the client random and the Initial/Handshake reassemblers are not needed again.
   */
  protected releaseHandshakeState(): void {
    this.transcript.release();
    this.clientRandom = NO_RANDOM;
    this.reassemblers[EncryptionLevel.INITIAL] = undefined;
    this.reassemblers[EncryptionLevel.HANDSHAKE] = undefined;
  }

  protected unexpected(level: EncryptionLevel, message: HandshakeMessage, state: string): never {
    throw new TlsAlertError(AlertDescription.unexpected_message, `unexpected handshake message ${message.type} at level ${level} in state ${state}`);
  }

  /** Runs a certificate verifier, mapping its refusal to the alert it implies. */
  protected verifyChain(verifier: CertificateVerifier, chain: readonly Uint8Array[], serverName: string | undefined, now: Micros): void {
    try {
      verifier.verify(chain, serverName, now);
    } catch (err) {
      throw certificateAlert(err);
    }
  }

  /** Verifies a CertificateVerify signature with the leaf's public key; failure is decrypt_error. */
  protected verifySignature(scheme: number, leaf: Uint8Array, input: Uint8Array, signature: Uint8Array): void {
    let ok = false;
    try {
      ok = this.crypto.verifySignature(scheme, leaf, input, signature);
    } catch {
      ok = false;
    }
    if (!ok) throw new TlsAlertError(AlertDescription.decrypt_error, 'CertificateVerify signature does not verify');
  }

  /** (EC)DHE with the peer's share; a bad point is illegal_parameter. */
  protected deriveShared(deriver: { deriveSecret(peer: Uint8Array): Uint8Array }, peer: Uint8Array): Uint8Array {
    try {
      return deriver.deriveSecret(peer);
    } catch (err) {
      throw new TlsAlertError(AlertDescription.illegal_parameter, `bad key share: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** The alert that a certificate verifier's refusal implies (RFC 8446 §6.2). */
export function certificateAlert(err: unknown): TlsAlertError {
  if (err instanceof TlsAlertError) return err;
  if (err instanceof CertificateVerificationError) {
    const alert = err.reason === 'expired' ? AlertDescription.certificate_expired
      : err.reason === 'untrusted' ? AlertDescription.unknown_ca
        : err.reason === 'unsupported' ? AlertDescription.unsupported_certificate
          : AlertDescription.bad_certificate;
    return new TlsAlertError(alert, `certificate refused (${alertName(alert)}): ${err.message}`);
  }
  return new TlsAlertError(AlertDescription.bad_certificate, `certificate refused: ${err instanceof Error ? err.message : String(err)}`);
}
