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

/** Our reset token travels in the NEW_CONNECTION_ID frame (kept until acknowledged), not here. */
interface LocalCid { seq: number; cid: Uint8Array }
interface RemoteCid { seq: number; cid: Uint8Array; resetToken: Uint8Array | undefined }

/** Changes the endpoint must apply to its routing table. */
export type CidRoutingChange = { type: 'add'; cid: Uint8Array } | { type: 'remove'; cid: Uint8Array };

export class CidManager {
  private readonly local: LocalCid[] = [];
  private nextLocalSeq = 0;
  private readonly remote: RemoteCid[] = [];
  private activeRemoteSeq = 0;
  private largestRetirePriorTo = 0;
  /** Frames waiting to be sent. */
  readonly pendingNew: NewConnectionIdFrame[] = [];
  readonly pendingRetire: RetireConnectionIdFrame[] = [];
  readonly routing: CidRoutingChange[] = [];
  private peerLimit = 2;
  private readonly localLimit: number;
  private readonly issuer: ConnectionIdIssuer | undefined;

  constructor(initialLocal: Uint8Array, initialRemote: Uint8Array, localLimit: number, issuer?: ConnectionIdIssuer) {
    this.local.push({ seq: this.nextLocalSeq++, cid: initialLocal });
    this.remote.push({ seq: 0, cid: initialRemote, resetToken: undefined });
    this.localLimit = localLimit;
    this.issuer = issuer;
  }

  /** The CID we put in the Destination Connection ID field. */
  get activeRemote(): Uint8Array {
    return this.remote.find((r) => r.seq === this.activeRemoteSeq)!.cid;
  }

  get initialLocal(): Uint8Array {
    return this.local[0]!.cid;
  }

  /** Client: the server's first packet tells its chosen CID (sequence 0). */
  setInitialRemote(cid: Uint8Array): void {
    const r = this.remote.find((x) => x.seq === 0);
    if (r) r.cid = cid;
  }

  /** The peer's stateless_reset_token transport parameter belongs to remote CID 0. */
  setInitialRemoteResetToken(token: Uint8Array): void {
    const r = this.remote.find((x) => x.seq === 0);
    if (r) r.resetToken = token;
  }

  isLocal(cid: Uint8Array): boolean {
    return this.local.some((l) => bytesEqual(l.cid, cid));
  }

  allLocal(): Uint8Array[] {
    return this.local.map((l) => l.cid);
  }

  /** Whether the last 16 bytes of a datagram are one of the peer's reset tokens. */
  isStatelessReset(datagram: Uint8Array): boolean {
    if (datagram.length < 21) return false;
    const tail = datagram.subarray(datagram.length - 16);
    return this.remote.some((r) => r.resetToken !== undefined && bytesEqual(r.resetToken, tail));
  }

  /** After the handshake: issue CIDs up to the peer's active_connection_id_limit. */
  setPeerLimit(limit: number): void {
    this.peerLimit = Math.min(limit, 8);
  }

  topUp(): void {
    if (!this.issuer) return;
    while (this.local.length < this.peerLimit) {
      const { cid, resetToken } = this.issuer.issue();
      const seq = this.nextLocalSeq++;
      this.local.push({ seq, cid });
      this.routing.push({ type: 'add', cid });
      this.pendingNew.push({ type: 'newConnectionId', sequenceNumber: seq, retirePriorTo: 0, connectionId: cid, statelessResetToken: resetToken });
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
    // Copies in one buffer: views on the frame would pin the whole decrypted packet.
    const own = new Uint8Array(f.connectionId.length + f.statelessResetToken.length);
    own.set(f.connectionId);
    own.set(f.statelessResetToken, f.connectionId.length);
    const cid = own.subarray(0, f.connectionId.length);
    this.remote.push({ seq: f.sequenceNumber, cid, resetToken: own.subarray(f.connectionId.length) });
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
    const i = this.local.findIndex((l) => l.seq === f.sequenceNumber);
    if (i < 0) return;
    const l = this.local[i]!;
    if (bytesEqual(l.cid, packetDcid)) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'retiring the CID in use', 0x19);
    }
    this.local.splice(i, 1);
    this.routing.push({ type: 'remove', cid: l.cid });
    this.topUp();
  }

  /** Number of connection IDs of the peer we hold (active one included). */
  get remoteCount(): number {
    return this.remote.length;
  }

  /** Sequence numbers of our CIDs the peer may use (active_connection_id_limit bounds them). */
  localSequenceNumbers(): number[] {
    return this.local.map((l) => l.seq);
  }

  /** Uses the peer's next unused CID and retires the current one (RFC 9000 §5.1.2). */
  switchToNextRemote(): boolean {
    let next: RemoteCid | undefined;
    for (const r of this.remote) if (r.seq > this.activeRemoteSeq && (next === undefined || r.seq < next.seq)) next = r;
    if (!next) return false;
    const old = this.activeRemoteSeq;
    this.activeRemoteSeq = next.seq;
    this.remote.splice(this.remote.findIndex((r) => r.seq === old), 1);
    this.pendingRetire.push({ type: 'retireConnectionId', sequenceNumber: old });
    return true;
  }

  onNewConnectionIdLost(f: NewConnectionIdFrame): void {
    if (this.local.some((l) => l.seq === f.sequenceNumber)) this.pendingNew.push(f);
  }

  onRetireLost(f: RetireConnectionIdFrame): void {
    this.pendingRetire.push(f);
  }
}
