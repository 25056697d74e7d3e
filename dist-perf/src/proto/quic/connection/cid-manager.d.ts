import type { NewConnectionIdFrame, RetireConnectionIdFrame } from '../wire/frames.js';
export interface IssuedConnectionId {
    cid: Uint8Array;
    resetToken: Uint8Array;
}
/** Supplied by the endpoint: makes a fresh routable CID and its reset token. */
export interface ConnectionIdIssuer {
    issue(): IssuedConnectionId;
}
/** Changes the endpoint must apply to its routing table. */
export type CidRoutingChange = {
    type: 'add';
    cid: Uint8Array;
} | {
    type: 'remove';
    cid: Uint8Array;
};
export declare class CidManager {
    private readonly local;
    private nextLocalSeq;
    private readonly remote;
    private activeRemoteSeq;
    private largestRetirePriorTo;
    /** Frames waiting to be sent. */
    readonly pendingNew: NewConnectionIdFrame[];
    readonly pendingRetire: RetireConnectionIdFrame[];
    readonly routing: CidRoutingChange[];
    private peerLimit;
    private readonly localLimit;
    private readonly issuer;
    constructor(initialLocal: Uint8Array, initialRemote: Uint8Array, localLimit: number, issuer?: ConnectionIdIssuer);
    /** The CID we put in the Destination Connection ID field. */
    get activeRemote(): Uint8Array;
    get initialLocal(): Uint8Array;
    /** Client: the server's first packet tells its chosen CID (sequence 0). */
    setInitialRemote(cid: Uint8Array): void;
    /** The peer's stateless_reset_token transport parameter belongs to remote CID 0. */
    setInitialRemoteResetToken(token: Uint8Array): void;
    isLocal(cid: Uint8Array): boolean;
    allLocal(): Uint8Array[];
    /** Whether the last 16 bytes of a datagram are one of the peer's reset tokens. */
    isStatelessReset(datagram: Uint8Array): boolean;
    /** After the handshake: issue CIDs up to the peer's active_connection_id_limit. */
    setPeerLimit(limit: number): void;
    topUp(): void;
    onNewConnectionId(f: NewConnectionIdFrame): void;
    onRetireConnectionId(f: RetireConnectionIdFrame, packetDcid: Uint8Array): void;
    /** Number of connection IDs of the peer we hold (active one included). */
    get remoteCount(): number;
    /** Sequence numbers of our CIDs the peer may use (active_connection_id_limit bounds them). */
    localSequenceNumbers(): number[];
    /** Uses the peer's next unused CID and retires the current one (RFC 9000 §5.1.2). */
    switchToNextRemote(): boolean;
    onNewConnectionIdLost(f: NewConnectionIdFrame): void;
    onRetireLost(f: RetireConnectionIdFrame): void;
}
