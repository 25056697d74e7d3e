import { EMPTY_CONTEXT, hkdfExpandLabel } from '../../crypto/hkdf-label.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import { derivePacketKeys } from './protection.js';
/** secret_<n+1> = HKDF-Expand-Label(secret_<n>, "quic ku", "", Hash.length) (RFC 9001 §6.1). */
export function nextTrafficSecret(provider, suite, secret) {
    return hkdfExpandLabel(provider, suite.hash, secret, 'quic ku', EMPTY_CONTEXT, suite.hashLength);
}
/** The next key generation: new AEAD key and IV, the same header protection key (§6.1). */
export function nextGenerationKeys(provider, keys) {
    const secret = nextTrafficSecret(provider, keys.suite, keys.secret);
    const derived = derivePacketKeys(provider, keys.suite, secret);
    return { suite: keys.suite, secret, aead: derived.aead, iv: derived.iv, hp: keys.hp };
}
/** Old read keys are kept for three PTOs after the first packet of the new phase (§6.5). */
const PREVIOUS_KEYS_PTO_MULTIPLIER = 3;
/** Ask for an update when this fraction of the confidentiality limit is used, leaving time for the ACK. */
const LIMIT_UPDATE_FRACTION = 0.75;
export class OneRttKeys {
    provider;
    suite;
    /** Key generation number; the Key Phase bit is its low bit. */
    phase = 0;
    read;
    write;
    nextRead;
    nextWrite;
    previousRead;
    previousDiscardAt;
    /** Packet numbers received (and authenticated) in the current and previous phases. */
    lowestReceivedInPhase;
    highestReceivedInPhase;
    highestReceivedInPrevious;
    /** Lowest packet number we sent with the current write keys, and whether one was acknowledged. */
    firstSentInPhase;
    currentPhaseAcked = false;
    sentWithCurrentKeys = 0;
    constructor(provider, suite, readSecret, writeSecret) {
        this.provider = provider;
        this.suite = suite;
        this.read = derivePacketKeys(provider, suite, readSecret);
        this.write = derivePacketKeys(provider, suite, writeSecret);
        this.nextRead = nextGenerationKeys(provider, this.read);
        this.nextWrite = nextGenerationKeys(provider, this.write);
    }
    /** The Key Phase bit to put in packets we send now. */
    get keyPhaseBit() {
        return (this.phase & 1);
    }
    /** Number of key updates so far (0 for the keys from the handshake). */
    get generation() {
        return this.phase;
    }
    /** Packets protected with the current write keys (RFC 9001 §6.6). */
    get packetsProtected() {
        return this.sentWithCurrentKeys;
    }
    writeKeys() {
        return this.write;
    }
    /** Current read keys; their header protection key is valid for every phase. */
    currentReadKeys() {
        return this.read;
    }
    /** The keys to try for a packet with this Key Phase bit and recovered packet number. */
    readKeysFor(keyPhaseBit, pn) {
        const s = this.select(keyPhaseBit, pn);
        return s === 'current' ? this.read : s === 'previous' ? this.previousRead : this.nextRead;
    }
    /**
     * Records a packet that readKeysFor's keys authenticated. A packet that needed the next keys
     * is a peer-initiated update: our write keys rotate too, before we send its acknowledgment.
     * Throws TransportError(KEY_UPDATE_ERROR) for the violations listed in the file comment.
     */
    onPacketDecrypted(keyPhaseBit, pn, now, ptoMicros) {
        const s = this.select(keyPhaseBit, pn);
        if (s === 'previous') {
            if (this.highestReceivedInPrevious === undefined || pn > this.highestReceivedInPrevious)
                this.highestReceivedInPrevious = pn;
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
    onPacketSent(pn) {
        if (this.firstSentInPhase === undefined)
            this.firstSentInPhase = pn;
        this.sentWithCurrentKeys++;
    }
    /** Call for every newly acknowledged 1-RTT packet. */
    onPacketAcked(pn) {
        if (this.firstSentInPhase !== undefined && pn >= this.firstSentInPhase)
            this.currentPhaseAcked = true;
    }
    /** The peer acknowledged a packet sent in the current phase (alternative to onPacketAcked). */
    onAckOfPacketInCurrentPhase() {
        this.currentPhaseAcked = true;
    }
    /** Whether initiateUpdate(now) would succeed. */
    canInitiateUpdate(now) {
        if (this.previousRead && this.previousDiscardAt !== undefined && now >= this.previousDiscardAt)
            this.discardPrevious();
        // §6.1: a packet of the current phase must be acknowledged. §6.5: wait until the old read keys
        // are gone (three PTOs after the previous update was confirmed) so the peer can decrypt ours.
        return this.currentPhaseAcked && this.previousRead === undefined;
    }
    /**
     * Starts a key update (the caller checks that the handshake is confirmed). Returns false when
     * §6.1/§6.5 do not allow one yet.
     */
    initiateUpdate(now) {
        if (!this.canInitiateUpdate(now))
            return false;
        this.rotate();
        return true;
    }
    /** When the previous read keys should be dropped, if they are held and the countdown started. */
    discardPreviousAt() {
        return this.previousRead ? this.previousDiscardAt : undefined;
    }
    discardPrevious() {
        this.previousRead = undefined;
        this.previousDiscardAt = undefined;
    }
    /** True once enough packets were protected under the current keys that an update is due (§6.6). */
    shouldUpdateForLimit() {
        return this.sentWithCurrentKeys >= this.suite.confidentialityLimit * LIMIT_UPDATE_FRACTION;
    }
    /** True when the current write keys must not protect another packet (§6.6: AEAD_LIMIT_REACHED). */
    confidentialityLimitReached() {
        return this.sentWithCurrentKeys >= this.suite.confidentialityLimit;
    }
    select(keyPhaseBit, pn) {
        if ((keyPhaseBit & 1) === (this.phase & 1))
            return 'current';
        if (this.previousRead && (this.lowestReceivedInPhase === undefined || pn < this.lowestReceivedInPhase))
            return 'previous';
        return 'next';
    }
    recordCurrent(pn) {
        if (this.lowestReceivedInPhase === undefined || pn < this.lowestReceivedInPhase)
            this.lowestReceivedInPhase = pn;
        if (this.highestReceivedInPhase === undefined || pn > this.highestReceivedInPhase)
            this.highestReceivedInPhase = pn;
    }
    /** Moves both directions to the next generation and precomputes the one after. */
    rotate() {
        this.previousRead = this.read;
        this.previousDiscardAt = undefined;
        this.read = this.nextRead;
        this.write = this.nextWrite;
        this.nextRead = nextGenerationKeys(this.provider, this.read);
        this.nextWrite = nextGenerationKeys(this.provider, this.write);
        this.phase++;
        this.highestReceivedInPrevious = this.highestReceivedInPhase;
        this.lowestReceivedInPhase = undefined;
        this.highestReceivedInPhase = undefined;
        this.firstSentInPhase = undefined;
        this.currentPhaseAcked = false;
        this.sentWithCurrentKeys = 0;
    }
}
function keyUpdateError(reason) {
    return new TransportError(TransportErrorCode.KEY_UPDATE_ERROR, reason);
}
//# sourceMappingURL=key-update.js.map