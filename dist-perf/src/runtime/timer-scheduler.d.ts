/** The one place the driver gets timers from, so driver-on-sim tests can swap in virtual time. */
export type TimerHandle = unknown;
export interface TimerScheduler {
    setTimer(callback: () => void, delayMs: number): TimerHandle;
    clearTimer(handle: TimerHandle): void;
}
/** setTimeout clamps delays above 2^31-1 ms to 1 ms; keep long deadlines long instead. */
export declare const MAX_TIMER_DELAY_MS: number;
export declare const nodeTimerScheduler: TimerScheduler;
