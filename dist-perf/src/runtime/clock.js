/** performance.now() is monotonic (unlike Date.now), which loss detection and timers need. */
export const systemClock = {
    now: () => Math.floor(performance.now() * 1000),
};
/** Microseconds since the Unix epoch: only for certificate validity, never for protocol timers. */
export function wallClockMicros() {
    return Date.now() * 1000;
}
//# sourceMappingURL=clock.js.map