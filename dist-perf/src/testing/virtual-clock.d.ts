import { type Micros } from '../proto/util/time.js';
export declare class VirtualClock {
    private current;
    constructor(startMicros?: Micros);
    /** Current virtual time in integer microseconds (same shape as the runtime's Clock). */
    now(): Micros;
    nowMs(): number;
    /** Moves time forward to `t`; moving backwards is a test bug and throws. */
    advanceTo(t: Micros): void;
    /** Moves time forward by `ms` milliseconds (rounded to whole microseconds). */
    advance(ms: number): void;
}
export type TimerHandle = number;
/**
 * Timers on virtual time, fired in (deadline, creation order). Used by the driver-on-sim mode in
 * place of setTimeout: the runtime asks for a deadline, the test moves time with runUntil().
 */
export declare class VirtualScheduler {
    readonly clock: VirtualClock;
    private readonly heap;
    private readonly live;
    private nextHandle;
    constructor(clock?: VirtualClock);
    /** Calls `callback` once virtual time reaches `deadline` (a past deadline fires at the next run). */
    setTimer(deadline: Micros, callback: () => void): TimerHandle;
    /** setTimeout-shaped helper: fires `delayMs` after the current virtual time. */
    setTimeout(callback: () => void, delayMs: number): TimerHandle;
    /** Cancels a timer; unknown or already-fired handles are ignored. */
    clearTimer(handle: TimerHandle | undefined): void;
    get pendingCount(): number;
    /** Deadline of the earliest live timer. */
    nextDeadline(): Micros | undefined;
    /**
     * Fires every timer due at or before `t`, each with the clock set to its own deadline (never
     * earlier than now), then leaves the clock at `t`. Timers set by callbacks are honoured.
     * Returns the number of timers fired.
     */
    runUntil(t: Micros): number;
    /** runUntil(now + ms). */
    advance(ms: number): number;
    /**
     * Fires timers until none is left. Throws SimBoundError when the next timer lies more than
     * `maxTimeMs` after the start, or after `maxTimers` firings (a timer that re-arms itself forever).
     */
    runUntilIdle(options?: {
        maxTimeMs?: number;
        maxTimers?: number;
        seed?: number;
    }): number;
    private fireNext;
    private dropCancelled;
}
