/**
 * The control streams (RFC 9114 §6.2.1, §7.2): the bytes that open ours (stream type, SETTINGS
 * first and once, an optional GREASE frame) and the rules for the peer's: SETTINGS first
 * (H3_MISSING_SETTINGS) and only once (H3_FRAME_UNEXPECTED), GOAWAY ids that never increase and,
 * from a server, name a client bidi stream (H3_ID_ERROR), MAX_PUSH_ID only from a client and never
 * decreasing, CANCEL_PUSH only for push ids that were allowed (we never push nor allow pushes).
 */
import type { RandomSource } from '../util/random.js';
import { type H3Frame } from './frames.js';
import { type H3Settings } from './settings.js';
export interface LocalSettingsInit {
    readonly qpackMaxTableCapacity: number;
    readonly qpackBlockedStreams: number;
    readonly maxFieldSectionSize: number;
    readonly enableConnectProtocol: boolean;
    readonly h3Datagram: boolean;
    /** More settings (WebTransport ids...), sent as given after ours. */
    readonly extra: ReadonlyArray<readonly [number | bigint, number | bigint]>;
}
/** The settings we send, in order; zero-valued defaults are left out (RFC defaults apply). */
export declare function localSettingsList(init: LocalSettingsInit, rng: RandomSource | undefined): Array<readonly [number | bigint, number | bigint]>;
/** Stream type 0x00, SETTINGS, and (with rng) one GREASE frame: everything our control stream starts with. */
export declare function encodeControlStreamPreamble(settings: ReadonlyArray<readonly [number | bigint, number | bigint]>, rng: RandomSource | undefined): Uint8Array;
/** What a control frame from the peer asks of the connection. */
export type ControlAction = {
    readonly type: 'settings';
    readonly settings: H3Settings;
} | {
    readonly type: 'goaway';
    readonly id: number;
} | undefined;
/** Sequence and id rules of the peer's control stream. `weAreServer` picks which frames are legal. */
export declare class PeerControlState {
    private readonly weAreServer;
    private settingsSeen;
    /** Last GOAWAY id received (ids must not increase). */
    goawayId: number | undefined;
    /** The client's MAX_PUSH_ID (server side; we never push, it is only checked). */
    maxPushId: number | undefined;
    constructor(weAreServer: boolean);
    get hasSettings(): boolean;
    /** Applies one frame from the peer's control stream; throws H3Error for a connection error. */
    handleFrame(f: H3Frame): ControlAction;
}
