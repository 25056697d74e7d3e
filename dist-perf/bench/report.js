import { summarize } from './stats.js';
const mbps = (s) => s.mbPerSecond;
const hsMs = (s) => s.msMedian;
const hsRate = (s) => s.perSecond;
const dg = (f) => (s) => s[f];
const ROWS = [
    { label: 'upload, 1 stream', unit: 'MB/s', keys: { ours: 'upload', quiche: 'upload' }, pick: mbps, target: { op: '>=', value: 70 } },
    { label: 'download, 1 stream', unit: 'MB/s', keys: { ours: 'download', quiche: 'download' }, pick: mbps, target: { op: '>=', value: 70 } },
    { label: 'handshake (median)', unit: 'ms', keys: { ours: 'handshake' }, pick: hsMs, target: { op: '<=', value: 3 } },
    { label: 'handshakes, sequential', unit: '/s', keys: { ours: 'handshake' }, pick: hsRate, target: { op: '>=', value: 300 } },
    { label: 'handshake + Retry (median)', unit: 'ms', keys: { ours: 'handshake-retry', quiche: 'handshake' }, pick: hsMs },
    { label: 'handshakes + Retry, sequential', unit: '/s', keys: { ours: 'handshake-retry', quiche: 'handshake' }, pick: hsRate },
    { label: 'datagrams received', unit: '/s', keys: { ours: 'datagram', quiche: 'datagram' }, pick: dg('receivedPerSecond') },
    { label: 'datagrams sent', unit: '/s', keys: { ours: 'datagram', quiche: 'datagram' }, pick: dg('sentPerSecond') },
    { label: 'datagram loss', unit: '%', keys: { ours: 'datagram', quiche: 'datagram' }, pick: dg('lossPercent') },
];
function fmt(n) {
    if (!Number.isFinite(n))
        return '-';
    const abs = Math.abs(n);
    if (abs >= 1000)
        return Math.round(n).toLocaleString('en-US');
    if (abs >= 100)
        return n.toFixed(0);
    if (abs >= 10)
        return n.toFixed(1);
    return n.toFixed(2);
}
function cell(s, failed) {
    if (failed)
        return 'FAILED';
    if (s === undefined || s.n === 0)
        return 'n/a';
    return `${fmt(s.min)} / ${fmt(s.median)} / ${fmt(s.max)}`;
}
function summaryFor(results, stack, key, pick) {
    if (key === undefined)
        return { failed: false };
    const report = results[stack]?.[key];
    if (report === undefined)
        return { failed: false };
    if (!report.ok && report.samples.length === 0)
        return { failed: true };
    return { s: summarize(report.samples.map(pick)), failed: false };
}
function verdict(median, target) {
    if (target === undefined)
        return '';
    const goal = `${target.op} ${target.value}`;
    if (median === undefined || !Number.isFinite(median))
        return goal;
    const met = target.op === '>=' ? median >= target.value : median <= target.value;
    return `${goal} ${met ? 'ok' : 'MISSED'}`;
}
export function renderTable(results) {
    const header = ['metric', 'unit', 'ours min / median / max', 'quiche min / median / max', 'ours/quiche', 'target (ours)'];
    const rows = [header];
    for (const spec of ROWS) {
        const ours = summaryFor(results, 'ours', spec.keys.ours, spec.pick);
        const quiche = summaryFor(results, 'quiche', spec.keys.quiche, spec.pick);
        const ratio = ours.s && quiche.s && quiche.s.median !== 0 ? fmt(ours.s.median / quiche.s.median) : '-';
        rows.push([spec.label, spec.unit, cell(ours.s, ours.failed), cell(quiche.s, quiche.failed), ratio,
            verdict(ours.s?.median, spec.target)]);
    }
    const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r) => `| ${r.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
    const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
    return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
/** Failures and notes worth printing under the table (each note once per stack). */
export function renderNotes(results) {
    const out = [];
    for (const [stack, byKey] of Object.entries(results)) {
        const notes = new Set();
        for (const report of Object.values(byKey ?? {}))
            for (const note of report.notes)
                notes.add(note);
        for (const note of notes)
            out.push(`${stack}: ${note}`);
        for (const [key, report] of Object.entries(byKey ?? {})) {
            if (!report.ok)
                out.push(`${stack} ${key}: FAILED: ${(report.error ?? 'unknown error').split('\n').slice(0, 6).join('\n    ')}`);
        }
    }
    return out;
}
//# sourceMappingURL=report.js.map