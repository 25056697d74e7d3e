export function summarize(values) {
    if (values.length === 0)
        return { n: 0, min: NaN, median: NaN, max: NaN };
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { n: sorted.length, min: sorted[0], median, max: sorted[sorted.length - 1] };
}
//# sourceMappingURL=stats.js.map