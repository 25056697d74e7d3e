/** setTimeout clamps delays above 2^31-1 ms to 1 ms; keep long deadlines long instead. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
export const nodeTimerScheduler = {
    setTimer: (callback, delayMs) => setTimeout(callback, Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS)),
    clearTimer: (handle) => clearTimeout(handle),
};
//# sourceMappingURL=timer-scheduler.js.map