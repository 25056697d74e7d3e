/**
 * Per packet-number-space state (RFC 9000 §12.3): packet numbers, received-packet tracking, and
 * the CRYPTO stream of the matching encryption level. 1-RTT keys live in the connection's
 * key-update state; Initial and Handshake keys live here.
 */
import { AckManager } from '../recovery/ack-manager.js';
import type { PacketSpace } from '../recovery/sent-packets.js';
import { Assembler } from '../streams/assembler.js';
import type { PacketKeys } from '../packet/protection.js';
import { CryptoSendStream } from './crypto-send-stream.js';
import type { Micros } from '../../util/time.js';
export declare class PacketNumberSpace {
    readonly id: PacketSpace;
    readonly ack: AckManager;
    readonly cryptoSend: CryptoSendStream;
    readonly cryptoRecv: Assembler;
    readKeys: PacketKeys | undefined;
    writeKeys: PacketKeys | undefined;
    nextPn: number;
    discarded: boolean;
    /** Ack-eliciting probe packets still owed after a PTO. */
    probesOwed: number;
    constructor(id: PacketSpace, maxAckDelay: Micros);
    discard(): void;
}
