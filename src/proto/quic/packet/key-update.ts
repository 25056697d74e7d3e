/**
 * 1-RTT key update (RFC 9001 §6): key phases, the precomputed next read keys, the previous read
 * keys kept for reordered packets, and the confidentiality-limit counter.
 *
 * Read key selection (§6.3-6.5), given the packet's Key Phase bit and recovered packet number:
 * - bit equals the current phase bit -> current keys;
 * - bit differs and previous keys are still held and (no packet was received yet in the current
 *   phase, or pn < the lowest packet number received in the current phase) -> previous keys;
 * - otherwise -> next keys (a successful decryption there is a peer-initiated key update).
 * The same rule is re-applied in onPacketDecrypted, so the caller passes only (bit, pn).
 *
 * KEY_UPDATE_ERROR is raised when a packet decrypts with newer keys than a packet with a higher
 * packet number (§6.4), and when the peer updates twice without us having sent any packet in the
 * phase it moved to (so it cannot have the acknowledgment §6.1 requires; the MAY of §6.2).
 */
import type { CipherSuite } from '../../crypto/cipher-suites.js';
import { EMPTY_CONTEXT, hkdfExpandLabel } from '../../crypto/hkdf-label.js';
import type { CryptoProvider } from '../../crypto/provider.js';
import type { Micros } from '../../util/time.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import { derivePacketKeys, derivePayloadKeys, packSecretAndIv, type PacketKeys } from './protection.js';

/** secret_<n+1> = HKDF-Expand-Label(secret_<n>, "quic ku", "", Hash.length) (RFC 9001 §6.1). */
export function nextTrafficSecret(provider: CryptoProvider, suite: CipherSuite, secret: Uint8Array): Uint8Array {
  return hkdfExpandLabel(provider, suite.hash, secret, 'quic ku', EMPTY_CONTEXT, suite.hashLength);
}

/**
 * The next key generation: new AEAD key and IV, the same header protection key (§6.1), so no
 * "quic hp" derivation or header protection cipher is made for it.
 */
export function nextGenerationKeys(provider: CryptoProvider, keys: PacketKeys): PacketKeys {
  const next = nextTrafficSecret(provider, keys.suite, keys.secret);
  const { aead, iv } = derivePayloadKeys(provider, keys.suite, next);
  const packed = packSecretAndIv(next, iv);
  return { suite: keys.suite, secret: packed.secret, aead, iv: packed.iv, hp: keys.hp };
}

/** Old read keys are kept for three PTOs after the first packet of the new phase (§6.5). */
const PREVIOUS_KEYS_PTO_MULTIPLIER = 3;
/** Ask for an update when this fraction of the confidentiality limit is used, leaving time for the ACK. */
const LIMIT_UPDATE_FRACTION = 0.75;

type Selection = 'current' | 'next' | 'previous';

export class OneRttKeys {
  private readonly provider: CryptoProvider;
  private readonly suite: CipherSuite;
  /** Key generation number; the Key Phase bit is its low bit. */
  private phase = 0;
  private read: PacketKeys;
  private write: PacketKeys;
  /** Precomputed so a packet of the next phase takes no longer to try (§9.5). */
  private nextRead: PacketKeys;
  private previousRead: PacketKeys | undefined;
  private previousDiscardAt: Micros | undefined;

  /** Packet numbers received (and authenticated) in the current and previous phases. */
  private lowestReceivedInPhase: number | undefined;
  private highestReceivedInPhase: number | undefined;
  private highestReceivedInPrevious: number | undefined;
  /** Lowest packet number we sent with the current write keys, and whether one was acknowledged. */
  private firstSentInPhase: number | undefined;
  private currentPhaseAcked = false;
  private sentWithCurrentKeys = 0;

  constructor(provider: CryptoProvider, suite: CipherSuite, readSecret: Uint8Array, writeSecret: Uint8Array) {
    this.provider = provider;
    this.suite = suite;
    this.read = derivePacketKeys(provider, suite, readSecret);
    this.write = derivePacketKeys(provider, suite, writeSecret);
    this.nextRead = nextGenerationKeys(provider, this.read);
  }

  /** The Key Phase bit to put in packets we send now. */
  get keyPhaseBit(): 0 | 1 {
    return (this.phase & 1) as 0 | 1;
  }

  /** Number of key updates so far (0 for the keys from the handshake). */
  get generation(): number {
    return this.phase;
  }

  /** Packets protected with the current write keys (RFC 9001 §6.6). */
  get packetsProtected(): number {
    return this.sentWithCurrentKeys;
  }

  writeKeys(): PacketKeys {
    return this.write;
  }

  /** Current read keys; their header protection key is valid for every phase. */
  currentReadKeys(): PacketKeys {
    return this.read;
  }

  /** The keys to try for a packet with this Key Phase bit and recovered packet number. */
  readKeysFor(keyPhaseBit: number, pn: number): PacketKeys {
    const s = this.select(keyPhaseBit, pn);
    return s === 'current' ? this.read : s === 'previous' ? this.previousRead! : this.nextRead;
  }

  /**
   * Records a packet that readKeysFor's keys authenticated. A packet that needed the next keys
   * is a peer-initiated update: our write keys rotate too, before we send its acknowledgment.
   * Throws TransportError(KEY_UPDATE_ERROR) for the violations listed in the file comment.
   */
  onPacketDecrypted(keyPhaseBit: number, pn: number, now: Micros, ptoMicros: Micros): void {
    const s = this.select(keyPhaseBit, pn);
    if (s === 'previous') {
      if (this.highestReceivedInPrevious === undefined || pn > this.highestReceivedInPrevious) this.highestReceivedInPrevious = pn;
      return;
    }
    if (s === 'next') {
      if (this.highestReceivedInPhase !== undefined && pn < this.highestReceivedInPhase) {
        throw keyUpdateError(`packet ${pn} uses newer keys than packet ${this.highestReceivedInPhase}`);
      }
      if (this.firstSentInPhase === undefined) {
        throw keyUpdateError('peer updated keys again before we acknowledged its previous update');
      }
      this.rotate();
      this.recordCurrent(pn);
      this.previousDiscardAt = now + PREVIOUS_KEYS_PTO_MULTIPLIER * ptoMicros;
      return;
    }
    if (this.highestReceivedInPrevious !== undefined && pn < this.highestReceivedInPrevious) {
      throw keyUpdateError(`packet ${pn} uses newer keys than packet ${this.highestReceivedInPrevious}`);
    }
    // The first packet of a phase we initiated starts the countdown for the old read keys.
    if (this.lowestReceivedInPhase === undefined && this.previousRead) {
      this.previousDiscardAt = now + PREVIOUS_KEYS_PTO_MULTIPLIER * ptoMicros;
    }
    this.recordCurrent(pn);
  }

  /** Call for every 1-RTT packet protected with writeKeys(). */
  onPacketSent(pn: number): void {
    if (this.firstSentInPhase === undefined) this.firstSentInPhase = pn;
    this.sentWithCurrentKeys++;
  }

  /** Call for every newly acknowledged 1-RTT packet. */
  onPacketAcked(pn: number): void {
    if (this.firstSentInPhase !== undefined && pn >= this.firstSentInPhase) this.currentPhaseAcked = true;
  }

  /** The peer acknowledged a packet sent in the current phase (alternative to onPacketAcked). */
  onAckOfPacketInCurrentPhase(): void {
    this.currentPhaseAcked = true;
  }

  /** Whether initiateUpdate(now) would succeed. */
  canInitiateUpdate(now: Micros): boolean {
    if (this.previousRead && this.previousDiscardAt !== undefined && now >= this.previousDiscardAt) this.discardPrevious();
    // §6.1: a packet of the current phase must be acknowledged. §6.5: wait until the old read keys
    // are gone (three PTOs after the previous update was confirmed) so the peer can decrypt ours.
    return this.currentPhaseAcked && this.previousRead === undefined;
  }

  /**
   * Starts a key update (the caller checks that the handshake is confirmed). Returns false when
   * §6.1/§6.5 do not allow one yet.
   */
  initiateUpdate(now: Micros): boolean {
    if (!this.canInitiateUpdate(now)) return false;
    this.rotate();
    return true;
  }

  /** When the previous read keys should be dropped, if they are held and the countdown started. */
  discardPreviousAt(): Micros | undefined {
    return this.previousRead ? this.previousDiscardAt : undefined;
  }

  discardPrevious(): void {
    this.previousRead = undefined;
    this.previousDiscardAt = undefined;
  }

  /** True once enough packets were protected under the current keys that an update is due (§6.6). */
  shouldUpdateForLimit(): boolean {
    return this.sentWithCurrentKeys >= this.suite.confidentialityLimit * LIMIT_UPDATE_FRACTION;
  }

  /** True when the current write keys must not protect another packet (§6.6: AEAD_LIMIT_REACHED). */
  confidentialityLimitReached(): boolean {
    return this.sentWithCurrentKeys >= this.suite.confidentialityLimit;
  }

  private select(keyPhaseBit: number, pn: number): Selection {
    if ((keyPhaseBit & 1) === (this.phase & 1)) return 'current';
    if (this.previousRead && (this.lowestReceivedInPhase === undefined || pn < this.lowestReceivedInPhase)) return 'previous';
    return 'next';
  }

  private recordCurrent(pn: number): void {
    if (this.lowestReceivedInPhase === undefined || pn < this.lowestReceivedInPhase) this.lowestReceivedInPhase = pn;
    if (this.highestReceivedInPhase === undefined || pn > this.highestReceivedInPhase) this.highestReceivedInPhase = pn;
  }

  /**
   * Moves both directions to the next generation and precomputes the next read keys. Write keys
   * are derived only now: sending reveals nothing through timing, and an idle connection does
   * not hold a spare write AEAD.
   */
  private rotate(): void {
    this.previousRead = this.read;
    this.previousDiscardAt = undefined;
    this.read = this.nextRead;
    this.write = nextGenerationKeys(this.provider, this.write);
    this.nextRead = nextGenerationKeys(this.provider, this.read);
    this.phase++;
    this.highestReceivedInPrevious = this.highestReceivedInPhase;
    this.lowestReceivedInPhase = undefined;
    this.highestReceivedInPhase = undefined;
    this.firstSentInPhase = undefined;
    this.currentPhaseAcked = false;
    this.sentWithCurrentKeys = 0;
  }
}

function keyUpdateError(reason: string): TransportError {
  return new TransportError(TransportErrorCode.KEY_UPDATE_ERROR, reason);
}
