/**
 * 1-RTT key update (RFC 9001 §6): key phases, the precomputed next generation, the previous read
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
import type { CryptoProvider } from '../../crypto/provider.js';
import type { Micros } from '../../util/time.js';
import { type PacketKeys } from './protection.js';
/** secret_<n+1> = HKDF-Expand-Label(secret_<n>, "quic ku", "", Hash.length) (RFC 9001 §6.1). */
export declare function nextTrafficSecret(provider: CryptoProvider, suite: CipherSuite, secret: Uint8Array): Uint8Array;
/** The next key generation: new AEAD key and IV, the same header protection key (§6.1). */
export declare function nextGenerationKeys(provider: CryptoProvider, keys: PacketKeys): PacketKeys;
export declare class OneRttKeys {
    private readonly provider;
    private readonly suite;
    /** Key generation number; the Key Phase bit is its low bit. */
    private phase;
    private read;
    private write;
    private nextRead;
    private nextWrite;
    private previousRead;
    private previousDiscardAt;
    /** Packet numbers received (and authenticated) in the current and previous phases. */
    private lowestReceivedInPhase;
    private highestReceivedInPhase;
    private highestReceivedInPrevious;
    /** Lowest packet number we sent with the current write keys, and whether one was acknowledged. */
    private firstSentInPhase;
    private currentPhaseAcked;
    private sentWithCurrentKeys;
    constructor(provider: CryptoProvider, suite: CipherSuite, readSecret: Uint8Array, writeSecret: Uint8Array);
    /** The Key Phase bit to put in packets we send now. */
    get keyPhaseBit(): 0 | 1;
    /** Number of key updates so far (0 for the keys from the handshake). */
    get generation(): number;
    /** Packets protected with the current write keys (RFC 9001 §6.6). */
    get packetsProtected(): number;
    writeKeys(): PacketKeys;
    /** Current read keys; their header protection key is valid for every phase. */
    currentReadKeys(): PacketKeys;
    /** The keys to try for a packet with this Key Phase bit and recovered packet number. */
    readKeysFor(keyPhaseBit: number, pn: number): PacketKeys;
    /**
     * Records a packet that readKeysFor's keys authenticated. A packet that needed the next keys
     * is a peer-initiated update: our write keys rotate too, before we send its acknowledgment.
     * Throws TransportError(KEY_UPDATE_ERROR) for the violations listed in the file comment.
     */
    onPacketDecrypted(keyPhaseBit: number, pn: number, now: Micros, ptoMicros: Micros): void;
    /** Call for every 1-RTT packet protected with writeKeys(). */
    onPacketSent(pn: number): void;
    /** Call for every newly acknowledged 1-RTT packet. */
    onPacketAcked(pn: number): void;
    /** The peer acknowledged a packet sent in the current phase (alternative to onPacketAcked). */
    onAckOfPacketInCurrentPhase(): void;
    /** Whether initiateUpdate(now) would succeed. */
    canInitiateUpdate(now: Micros): boolean;
    /**
     * Starts a key update (the caller checks that the handshake is confirmed). Returns false when
     * §6.1/§6.5 do not allow one yet.
     */
    initiateUpdate(now: Micros): boolean;
    /** When the previous read keys should be dropped, if they are held and the countdown started. */
    discardPreviousAt(): Micros | undefined;
    discardPrevious(): void;
    /** True once enough packets were protected under the current keys that an update is due (§6.6). */
    shouldUpdateForLimit(): boolean;
    /** True when the current write keys must not protect another packet (§6.6: AEAD_LIMIT_REACHED). */
    confidentialityLimitReached(): boolean;
    private select;
    private recordCurrent;
    /** Moves both directions to the next generation and precomputes the one after. */
    private rotate;
}
