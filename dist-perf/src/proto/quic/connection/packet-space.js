/**
 * Per packet-number-space state (RFC 9000 §12.3): packet numbers, received-packet tracking, and
 * the CRYPTO stream of the matching encryption level. 1-RTT keys live in the connection's
 * key-update state; Initial and Handshake keys live here.
 */
import { AckManager } from '../recovery/ack-manager.js';
import { Assembler } from '../streams/assembler.js';
import { CryptoSendStream } from './crypto-send-stream.js';
export class PacketNumberSpace {
    id;
    ack;
    cryptoSend = new CryptoSendStream();
    cryptoRecv = new Assembler();
    readKeys;
    writeKeys;
    nextPn = 0;
    discarded = false;
    /** Ack-eliciting probe packets still owed after a PTO. */
    probesOwed = 0;
    constructor(id, maxAckDelay) {
        this.id = id;
        // Initial and Handshake ACKs are never delayed (RFC 9000 §13.2.1).
        this.ack = new AckManager(id, { maxAckDelay: id === 2 ? maxAckDelay : 0 });
    }
    discard() {
        this.discarded = true;
        this.readKeys = undefined;
        this.writeKeys = undefined;
        this.probesOwed = 0;
    }
}
//# sourceMappingURL=packet-space.js.map