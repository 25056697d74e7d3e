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

export class PacketNumberSpace {
  readonly id: PacketSpace;
  readonly ack: AckManager;
  readonly cryptoSend: CryptoSendStream;
  readonly cryptoRecv = new Assembler();
  readKeys: PacketKeys | undefined;
  writeKeys: PacketKeys | undefined;
  nextPn = 0;
  discarded = false;
  /** Ack-eliciting probe packets still owed after a PTO. */
  probesOwed = 0;

  constructor(id: PacketSpace, maxAckDelay: Micros) {
    this.id = id;
    // 1-RTT CRYPTO data (session tickets) is dropped once acknowledged: that level is never discarded.
    this.cryptoSend = new CryptoSendStream(id === 2);
    // Initial and Handshake ACKs are never delayed (RFC 9000 §13.2.1).
    this.ack = new AckManager(id, { maxAckDelay: id === 2 ? maxAckDelay : 0 });
  }

  discard(): void {
    this.discarded = true;
    this.readKeys = undefined;
    this.writeKeys = undefined;
    this.probesOwed = 0;
    // Nothing is sent or read at this level again (RFC 9001 §4.9): let the handshake bytes go.
    this.cryptoSend.release();
    this.cryptoRecv.discard();
  }
}

/** One shared, frozen stand-in per discarded level: writing to it throws instead of leaking state. */
const discardedSpaces: (PacketNumberSpace | undefined)[] = [];

/**
 * What a connection keeps for the Initial or Handshake space once its keys are discarded
 * (RFC 9001 §4.9): `discarded` reads true, nothing is sent or received there again, so every
 * connection can share one frozen instance instead of holding its own emptied parts.
 */
export function discardedSpace(id: PacketSpace): PacketNumberSpace {
  let s = discardedSpaces[id];
  if (s === undefined) {
    s = new PacketNumberSpace(id, 0);
    s.discard();
    for (const part of [s.ack, s.cryptoSend, s.cryptoRecv]) deepFreeze(part);
    discardedSpaces[id] = Object.freeze(s);
  }
  return s;
}

function deepFreeze(o: object): void {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  Object.freeze(o);
}
