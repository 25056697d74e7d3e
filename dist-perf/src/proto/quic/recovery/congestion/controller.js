/** RFC 9002 §7.2: min(10 * mds, max(14720, 2 * mds)). */
export function initialWindow(maxDatagramSize) {
    return Math.min(10 * maxDatagramSize, Math.max(14_720, 2 * maxDatagramSize));
}
/** RFC 9002 §7.2: two datagrams. */
export function minimumWindow(maxDatagramSize) {
    return 2 * maxDatagramSize;
}
/** Pacing rate shared by the window-based controllers, in bytes per second. */
export function windowPacingRate(window, rtt) {
    const srtt = Math.max(1, rtt.smoothedRtt);
    return (1.25 * window * 1_000_000) / srtt;
}
//# sourceMappingURL=controller.js.map