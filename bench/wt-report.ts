/**
 * The WebTransport table: min / median / max of each metric over every measurement of every run,
 * pywebtransport's published figure beside it (BENCHMARK.md of v0.10.0, CPython 3.12 + uvloop on a
 * 4-vCPU Xeon VM, loopback; inventory §4.2) and issue 4's target for our stack.
 */
import type { ClientReport } from './peer.js';
import { summarize } from './stats.js';
import type { WtSample, WtScenario } from './wt-scenarios.js';

/** Client report per scenario. */
export type WtResults = Partial<Record<WtScenario, ClientReport>>;

interface WtRow {
  label: string;
  unit: string;
  scenario: WtScenario;
  metric: string;
  /** pywebtransport's published value, as printed. */
  theirs: string;
  target?: { op: '>=' | '<='; value: number };
}

export const WT_ROWS: readonly WtRow[] = [
  { label: 'upload, 1 MB stream', unit: 'MB/s', scenario: 'upload', metric: 'uploadMBps', theirs: '42.36', target: { op: '>=', value: 70 } },
  { label: 'download, 1 MB stream', unit: 'MB/s', scenario: 'download', metric: 'downloadMBps', theirs: '7.95', target: { op: '>=', value: 70 } },
  { label: 'duplex, 1 MB echo (both ways summed)', unit: 'MB/s', scenario: 'duplex', metric: 'duplexMBps', theirs: '11.15' },
  { label: 'session handshake (new connection)', unit: 'ms', scenario: 'handshake', metric: 'handshakeMs', theirs: 'p50 24.85 (14.49-29.85)', target: { op: '<=', value: 3 } },
  { label: 'sequential sessions', unit: '/s', scenario: 'handshake', metric: 'sessionsPerSecond', theirs: '41.48', target: { op: '>=', value: 300 } },
  { label: 'request-response 64 B', unit: 'ms', scenario: 'request-response', metric: 'rr64Ms', theirs: 'p50 29.97', target: { op: '<=', value: 0.3 } },
  { label: 'request-response 1 KB', unit: 'ms', scenario: 'request-response', metric: 'rr1024Ms', theirs: 'p50 30.04', target: { op: '<=', value: 0.3 } },
  { label: 'datagram RTT, 16 B', unit: 'ms', scenario: 'datagram-rtt', metric: 'datagramRttMs', theirs: 'p50 27.55', target: { op: '<=', value: 0.3 } },
  { label: 'datagrams sent, 64 B burst', unit: '/s', scenario: 'datagram-rate', metric: 'datagramsSentPerSecond', theirs: '14,088', target: { op: '>=', value: 60_000 } },
  { label: 'datagrams delivered, 64 B burst', unit: '/s', scenario: 'datagram-rate', metric: 'datagramsDeliveredPerSecond', theirs: '-' },
  { label: 'datagram loss, 64 B burst', unit: '%', scenario: 'datagram-rate', metric: 'datagramLossPercent', theirs: '-' },
  { label: 'concurrent streams x 64 KB, aggregate', unit: 'MB/s', scenario: 'streams', metric: 'concurrentMBps', theirs: '36.39 (1000 streams)' },
  { label: 'idle session, server heap+external', unit: 'KB', scenario: 'memory', metric: 'serverKBPerSession', theirs: '141.66 (RSS)', target: { op: '<=', value: 32 } },
  { label: 'idle session, server RSS', unit: 'KB', scenario: 'memory', metric: 'serverRssKBPerSession', theirs: '141.66' },
  { label: 'idle session, client heap+external', unit: 'KB', scenario: 'memory', metric: 'clientKBPerSession', theirs: '-' },
];

/** Printed under the table: how each figure was taken. */
export const WT_TABLE_NOTES: readonly string[] = [
  'WebTransport: our WebTransportClient and WebTransportServer in two processes over loopback UDP, CA-verified',
  'certificate; min / median / max over every measurement (n) of the measured runs; targets compare the median.',
  'Transfers, requests and datagram RTTs run on an established session, one new stream each (the stream opening',
  'included); handshake = connect() to a ready session on a new QUIC connection; session rate = those connects',
  'back to back (closes not awaited). Datagram burst: 10,000 x 64 B in batches of 128, held back while the congestion',
  'window is full; sent = handed to the session, delivered = counted by the server. Idle memory: growth of the process after GC (and RSS) divided by the number',
  'of idle sessions, each on its own QUIC connection. pywebtransport = v0.10.0 BENCHMARK.md (CPython 3.12 + uvloop,',
  '4 vCPU Xeon VM); its duplex figure and ours both count the bytes of both directions.',
];

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

/** Every measurement of `metric` across the report's runs. */
export function metricValues(report: ClientReport | undefined, metric: string): number[] {
  if (report === undefined) return [];
  return report.samples.flatMap((s) => (s as WtSample)[metric] ?? []);
}

export function renderWtTable(results: WtResults): string {
  const header = ['WebTransport metric', 'unit', 'ours min / median / max', 'n', 'pywebtransport', 'target (ours)'];
  const rows: string[][] = [header];
  for (const row of WT_ROWS) {
    const report = results[row.scenario];
    if (report === undefined) continue;
    const s = summarize(metricValues(report, row.metric));
    const ours = !report.ok && s.n === 0 ? 'FAILED' : s.n === 0 ? 'n/a' : `${fmt(s.min)} / ${fmt(s.median)} / ${fmt(s.max)}`;
    let verdict = '';
    if (row.target !== undefined) {
      const met = row.target.op === '>=' ? s.median >= row.target.value : s.median <= row.target.value;
      verdict = `${row.target.op} ${row.target.value}${s.n === 0 ? '' : met ? ' ok' : ' MISSED'}`;
    }
    rows.push([row.label, row.unit, ours, String(s.n), row.theirs, verdict]);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

export function renderWtNotes(results: WtResults): string[] {
  const out: string[] = [];
  for (const [scenario, report] of Object.entries(results)) {
    if (report !== undefined && !report.ok) {
      out.push(`wt ${scenario}: FAILED: ${(report.error ?? 'unknown error').split('\n').slice(0, 6).join('\n    ')}`);
    }
  }
  return out;
}
