import type { WtCapsule } from './capsules.js';
import type { WtFlowControlSettings } from './protocol.js';
export type WtDirection = 'bidi' | 'uni';
export interface SessionFlowControlOptions {
    readonly enabled: boolean;
    /** Limits the peer announced in its SETTINGS (apply to us). */
    readonly peerInitial: WtFlowControlSettings;
    /** Limits we announced in our SETTINGS (apply to the peer). */
    readonly localInitial: WtFlowControlSettings;
    /** Session receive window in bytes we keep open. Default localInitial.initialMaxData. */
    readonly receiveWindow?: number;
    /** Concurrent incoming streams we allow. Default localInitial.initialMaxStreams*. */
    readonly incomingStreamsBidi?: number;
    readonly incomingStreamsUni?: number;
}
export declare class SessionFlowControl {
    readonly enabled: boolean;
    private peerMaxData;
    private dataSent;
    private readonly sendStreams;
    private blockedDataAt;
    private readonly blockedStreamsAt;
    private readonly window;
    private localMaxData;
    private dataReceived;
    private dataConsumed;
    private readonly recvStreams;
    private readonly out;
    constructor(o: SessionFlowControlOptions);
    /** Whether the peer's limit lets us open one more stream of this direction. */
    canOpenStream(dir: WtDirection): boolean;
    /** Records a stream we opened; call only after canOpenStream(). */
    onLocalStreamOpened(dir: WtDirection): void;
    /** Stream-body bytes we may still send in this session. */
    get sendCredit(): number;
    onDataSent(n: number): void;
    /** We wanted to open a stream but the limit stopped us: queue WT_STREAMS_BLOCKED once per limit. */
    onStreamsBlocked(dir: WtDirection): void;
    /** We had bytes to send but no session credit: queue WT_DATA_BLOCKED once per limit. */
    onDataBlocked(): void;
    /**
     * A flow-control capsule from the peer. Returns what it unblocked ('data', a direction, or
     * undefined). Throws H3Error(WT_FLOW_CONTROL_ERROR) when a limit does not increase (WT16 §5.6).
     */
    onPeerCapsule(c: WtCapsule): 'data' | WtDirection | undefined;
    /** A stream the peer opened in this session. Throws WT_FLOW_CONTROL_ERROR above our limit. */
    onPeerStreamOpened(dir: WtDirection): void;
    /** A peer-opened stream is finished (read to FIN, reset or stopped): it frees a slot. */
    onPeerStreamClosed(dir: WtDirection): void;
    /** Body bytes arrived on one of the session's streams. Throws WT_FLOW_CONTROL_ERROR above our limit. */
    onDataReceived(n: number): void;
    /** The application consumed body bytes: re-grant credit once half the window is used. */
    onDataConsumed(n: number): void;
    /** The next capsule to send on the CONNECT stream, if any. */
    pollCapsule(): WtCapsule | undefined;
    get pendingCapsules(): number;
    /** Snapshot for diagnostics and tests. */
    get stats(): {
        peerMaxData: number;
        dataSent: number;
        localMaxData: number;
        dataReceived: number;
        sendLimitBidi: number;
        sendLimitUni: number;
        recvLimitBidi: number;
        recvLimitUni: number;
    };
}
