export const MICROS_PER_MS = 1000;
export const MICROS_PER_SECOND = 1_000_000;
export function msToMicros(ms) {
    return Math.round(ms * MICROS_PER_MS);
}
export function microsToMs(us) {
    return us / MICROS_PER_MS;
}
//# sourceMappingURL=time.js.map