/**
 * Connection IDs (RFC 9000 §5.1): the ones we issue to the peer (NEW_CONNECTION_ID, retired by
 * RETIRE_CONNECTION_ID) and the ones the peer issued to us, with their stateless reset tokens.
 */
import { bytesEqual } from '../../util/bytes.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import type { NewConnectionIdFrame, RetireConnectionIdFrame } from '../wire/frames.js';

export interface IssuedConnectionId {
  cid: Uint8Array;
  resetToken: Uint8Array;
}

/** Supplied by the endpoint: makes a fresh routable CID and its reset token. */
export interface ConnectionIdIssuer {
  issue(): IssuedConnectionId;
}

/**
 * A CID of the peer. Its stateless reset token, once known, follows the CID bytes in the same
 * buffer (one ArrayBuffer and one view per CID: idle connections hold several).
 */
interface RemoteCid { seq: number; cid: Uint8Array; hasToken: boolean }

const RESET_TOKEN_LENGTH = 16;

/** Changes the endpoint must apply to its routing table. */
export type CidRoutingChange = { type: 'add'; cid: Uint8Array } | { type: 'remove'; cid: Uint8Array };

export class CidManager {
  /**
   * Our CIDs and their sequence numbers, index for index (no object per CID). Our reset tokens
   * travel in NEW_CONNECTION_ID frames (kept until acknowledged), not here.
   */
  private localSeqs: number[] = [];
  private localCids: Uint8Array[] = [];
  private nextLocalSeq = 0;
  /** Replaced by exact-size copies after they grow: a pushed-to array keeps room for 17. */
  private remote: RemoteCid[] = [];
  private activeRemoteSeq = 0;
  /** remote[activeRemoteSeq].cid, read for every packet sent. */
  private activeRemoteCid: Uint8Array;
  private largestRetirePriorTo = 0;
  /** Frames waiting to be sent. */
  readonly pendingNew: NewConnectionIdFrame[] = [];
  readonly pendingRetire: RetireConnectionIdFrame[] = [];
  readonly routing: CidRoutingChange[] = [];
  private peerLimit = 2;
  private readonly localLimit: number;
  private readonly issuer: ConnectionIdIssuer | undefined;

  constructor(initialLocal: Uint8Array, initialRemote: Uint8Array, localLimit: number, issuer?: ConnectionIdIssuer) {
    this.localSeqs.push(this.nextLocalSeq++);
    this.localCids.push(initialLocal);
    this.remote.push({ seq: 0, cid: initialRemote, hasToken: false });
    this.activeRemoteCid = initialRemote;
    this.localLimit = localLimit;
    this.issuer = issuer;
  }

  /** The CID we put in the Destination Connection ID field. */
  get activeRemote(): Uint8Array {
    return this.activeRemoteCid;
  }

  get initialLocal(): Uint8Array {
    return this.localCids[0]!;
  }

  /** Client: the server's first packet tells its chosen CID (sequence 0). */
  setInitialRemote(cid: Uint8Array): void {
    const r = this.remote.find((x) => x.seq === 0);
    if (!r) return;
    r.cid = r.hasToken ? withToken(cid, tokenOf(r)) : cid;
    if (this.activeRemoteSeq === 0) this.activeRemoteCid = r.cid;
  }

  /** The peer's stateless_reset_token transport parameter belongs to remote CID 0. */
  setInitialRemoteResetToken(token: Uint8Array): void {
    const r = this.remote.find((x) => x.seq === 0);
    if (!r || token.length !== RESET_TOKEN_LENGTH) return;
    r.cid = withToken(r.cid, token);
    r.hasToken = true;
    if (this.activeRemoteSeq === 0) this.activeRemoteCid = r.cid;
  }

  isLocal(cid: Uint8Array): boolean {
    return this.localCids.some((l) => bytesEqual(l, cid));
  }

  allLocal(): Uint8Array[] {
    return this.localCids.slice();
  }

  /** Whether the last 16 bytes of a datagram are one of the peer's reset tokens. */
  isStatelessReset(datagram: Uint8Array): boolean {
    if (datagram.length < 21) return false;
    const tail = datagram.subarray(datagram.length - RESET_TOKEN_LENGTH);
    return this.remote.some((r) => r.hasToken && bytesEqual(tokenOf(r), tail));
  }

  /** After the handshake: issue CIDs up to the peer's active_connection_id_limit. */
  setPeerLimit(limit: number): void {
    this.peerLimit = Math.min(limit, 8);
  }

  topUp(): void {
    if (!this.issuer) return;
    const first = this.localCids.length;
    while (this.localCids.length < this.peerLimit) {
      const { cid, resetToken } = this.issuer.issue();
      const seq = this.nextLocalSeq++;
      this.localSeqs.push(seq);
      this.localCids.push(cid);
      this.routing.push({ type: 'add', cid });
      this.pendingNew.push({ type: 'newConnectionId', sequenceNumber: seq, retirePriorTo: 0, connectionId: cid, statelessResetToken: resetToken });
    }
    if (this.localCids.length === first) return;
    this.packLocal(first);
    this.localSeqs = this.localSeqs.slice();
    this.localCids = this.localCids.slice();
  }

  /** The CIDs issued from index `first` on keep copies in one buffer (the frames keep theirs). */
  private packLocal(first: number): void {
    const n = this.localCids.length - first;
    if (n < 2) return;
    let total = 0;
    for (let i = first; i < this.localCids.length; i++) total += this.localCids[i]!.length;
    const buf = new Uint8Array(total);
    for (let i = first, at = 0; i < this.localCids.length; i++) {
      const cid = this.localCids[i]!;
      buf.set(cid, at);
      this.localCids[i] = buf.subarray(at, at + cid.length);
      at += cid.length;
    }
  }

  onNewConnectionId(f: NewConnectionIdFrame): void {
    if (this.activeRemote.length === 0) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'NEW_CONNECTION_ID with zero-length CIDs', 0x18);
    }
    const existing = this.remote.find((r) => r.seq === f.sequenceNumber);
    if (existing) {
      if (!bytesEqual(existing.cid, f.connectionId)) {
        throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'sequence number reused with another CID', 0x18);
      }
      return;
    }
    if (f.sequenceNumber < this.largestRetirePriorTo) {
      this.pendingRetire.push({ type: 'retireConnectionId', sequenceNumber: f.sequenceNumber });
      return;
    }
    // A copy in one buffer: views on the frame would pin the whole decrypted packet.
    this.remote.push({ seq: f.sequenceNumber, cid: withToken(f.connectionId, f.statelessResetToken), hasToken: true });
    this.remote = this.remote.slice();
    if (f.retirePriorTo > this.largestRetirePriorTo) {
      this.largestRetirePriorTo = f.retirePriorTo;
      for (let i = this.remote.length - 1; i >= 0; i--) {
        const r = this.remote[i]!;
        if (r.seq < f.retirePriorTo) {
          this.remote.splice(i, 1);
          this.pendingRetire.push({ type: 'retireConnectionId', sequenceNumber: r.seq });
        }
      }
      if (!this.remote.some((r) => r.seq === this.activeRemoteSeq)) {
        const next = this.remote.reduce((a, b) => (a.seq < b.seq ? a : b));
        this.activeRemoteSeq = next.seq;
        this.activeRemoteCid = next.cid;
      }
    }
    if (this.remote.length > this.localLimit) {
      throw new TransportError(TransportErrorCode.CONNECTION_ID_LIMIT_ERROR, 'too many connection IDs', 0x18);
    }
  }

  onRetireConnectionId(f: RetireConnectionIdFrame, packetDcid: Uint8Array): void {
    if (f.sequenceNumber >= this.nextLocalSeq) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'retiring a CID never issued', 0x19);
    }
    const i = this.localSeqs.indexOf(f.sequenceNumber);
    if (i < 0) return;
    const cid = this.localCids[i]!;
    if (bytesEqual(cid, packetDcid)) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'retiring the CID in use', 0x19);
    }
    this.localSeqs.splice(i, 1);
    this.localCids.splice(i, 1);
    this.routing.push({ type: 'remove', cid });
    this.topUp();
  }

  /** Number of connection IDs of the peer we hold (active one included). */
  get remoteCount(): number {
    return this.remote.length;
  }

  /** Sequence numbers of our CIDs the peer may use (active_connection_id_limit bounds them). */
  localSequenceNumbers(): number[] {
    return this.localSeqs.slice();
  }

  /** Uses the peer's next unused CID and retires the current one (RFC 9000 §5.1.2). */
  switchToNextRemote(): boolean {
    let next: RemoteCid | undefined;
    for (const r of this.remote) if (r.seq > this.activeRemoteSeq && (next === undefined || r.seq < next.seq)) next = r;
    if (!next) return false;
    const old = this.activeRemoteSeq;
    this.activeRemoteSeq = next.seq;
    this.activeRemoteCid = next.cid;
    this.remote.splice(this.remote.findIndex((r) => r.seq === old), 1);
    this.pendingRetire.push({ type: 'retireConnectionId', sequenceNumber: old });
    return true;
  }

  onNewConnectionIdLost(f: NewConnectionIdFrame): void {
    if (this.localSeqs.includes(f.sequenceNumber)) this.pendingNew.push(f);
  }

  onRetireLost(f: RetireConnectionIdFrame): void {
    this.pendingRetire.push(f);
  }
}

/** A copy of `cid` followed by `token` in one buffer: the CID is the view, the token its tail. */
function withToken(cid: Uint8Array, token: Uint8Array): Uint8Array {
  const own = new Uint8Array(cid.length + token.length);
  own.set(cid);
  own.set(token, cid.length);
  return own.subarray(0, cid.length);
}

function tokenOf(r: RemoteCid): Uint8Array {
  return new Uint8Array(r.cid.buffer, r.cid.byteOffset + r.cid.length, RESET_TOKEN_LENGTH);
}
