#!/usr/bin/env node
/**
 * CPU per MB spent by the sending and by the receiving endpoint of a one-stream bulk transfer over
 * the simulated network (src/testing ProtoPair), each side timed separately by wrapping its
 * Endpoint calls and its stream write/read calls (the simulator itself is not counted). Runs
 * against any compiled tree, so two trees can be compared A/B interleaved in one command:
 *
 *   node scripts/bench/cpu-split.mjs --dist dist [--dist /tmp/base/dist] [--mb 8] [--rounds 5] [--loss 0]
 *
 * Prints per round, then the median and the minimum per tree: ms of CPU per MB for the sender and
 * the receiver (the minimum is the least disturbed by other processes on a shared machine).
 * Single-threaded, so wall time inside the wrapped calls is CPU time (GC included where it lands).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true, default: ['dist'] },
    mb: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    loss: { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '5' },
    mbit: { type: 'string', default: '1000' },
  },
});
const bytes = Math.round(Number(opt.mb) * 1024 * 1024);
const rounds = Number(opt.rounds);
const ALPN = 'bench';

async function loadTree(dist) {
  const root = pathToFileURL(resolve(dist)).href + '/src/';
  const load = (p) => import(root + p);
  const [{ Endpoint }, { defaultCryptoProvider }, { ProtoPair }, { createTestPki }, { MICROS_PER_MS }] = await Promise.all([
    load('proto/quic/endpoint/endpoint.js'), load('crypto/default.js'), load('testing/proto-pair.js'),
    load('testing/test-pki.js'), load('proto/util/time.js'),
  ]);
  const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
  return { dist, Endpoint, crypto: defaultCryptoProvider(), ProtoPair, pki, MICROS_PER_MS };
}

/** Wraps a SimEndpoint so every call adds its duration to meter.ms. */
function timed(ep, meter) {
  const wrap = (fn) => (...args) => {
    const t = performance.now();
    try { return fn.apply(ep, args); } finally { meter.ms += performance.now() - t; }
  };
  return {
    handleDatagram: wrap(ep.handleDatagram), pollTransmit: wrap(ep.pollTransmit), pollTimeout: wrap(ep.pollTimeout),
    handleTimeout: wrap(ep.handleTimeout), pollEvent: wrap(ep.pollEvent),
  };
}

function run(tree) {
  const { Endpoint, crypto, ProtoPair, pki, MICROS_PER_MS } = tree;
  const send = { ms: 0 };
  const recv = { ms: 0 };
  const wallOrigin = Date.now() * MICROS_PER_MS;
  const holder = {};
  const wallClock = () => wallOrigin + (holder.pair?.now() ?? 0);
  let server;
  let serverSawStream = false;
  let clientEndpoint;
  const pair = new ProtoPair({
    seed: 1,
    client: (random) => {
      clientEndpoint = new Endpoint({ wallClock }, { crypto, random });
      return timed(clientEndpoint, send);
    },
    server: (random) => timed(new Endpoint({
      wallClock, server: { tls: { certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: [ALPN] }, retry: false },
    }, { crypto, random }), recv),
    link: { latencyMs: Number(opt['latency-ms']), lossRate: Number(opt.loss) / 100, bandwidthBps: Number(opt.mbit) * 1e6, queueBytes: 1024 * 1024, mtu: 1500 },
    recordEvents: false,
    onEvent: (side, ev) => {
      if (side === 'server' && ev.type === 'accepted') server = ev.connection;
      if (side === 'server' && ev.type === 'connection' && ev.event.type === 'streamOpened') serverSawStream = true;
    },
  });
  holder.pair = pair;
  // The transcript hashes every byte and keeps an entry per datagram: simulator cost and garbage
  // that would land on whichever side happens to be running.
  pair.transcript.record = () => {};
  const conn = clientEndpoint.connect(pair.now(), pair.serverAddress, { serverName: 'localhost', alpnProtocols: [ALPN], verifier: null });
  pair.drive(() => conn.state === 'established' && server?.state === 'established', { maxTimeMs: 10_000 });
  send.ms = 0;
  recv.ms = 0;
  const payload = new Uint8Array(1024 * 1024).fill(0x61);
  const id = conn.openStream('bidi');
  let written = 0;
  let received = 0;
  let fin = false;
  pair.drive(() => {
    let t = performance.now();
    while (written < bytes) {
      const n = conn.writeStream(id, payload.subarray(0, Math.min(payload.length, bytes - written)), written + payload.length >= bytes);
      written += n;
      if (n === 0) break;
    }
    send.ms += performance.now() - t;
    t = performance.now();
    for (let r = serverSawStream ? server.readStream(id, 1 << 20) : undefined; r !== undefined && !fin; r = server.readStream(id, 1 << 20)) {
      received += r.data.length;
      if (r.fin) fin = true;
      if (r.data.length === 0) break;
    }
    recv.ms += performance.now() - t;
    return fin;
  }, { maxTimeMs: 600_000, maxSteps: 50_000_000 });
  if (received !== bytes) throw new Error(`received ${received} of ${bytes} bytes`);
  const mb = bytes / 1048576;
  return { sendMsPerMB: send.ms / mb, recvMsPerMB: recv.ms / mb };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const trees = [];
for (const d of opt.dist) trees.push(await loadTree(d));
for (const t of trees) run(t); // warm-up: JIT both trees before measuring
const results = new Map(trees.map((t) => [t.dist, []]));
for (let r = 0; r < rounds; r++) {
  for (const t of (r % 2 === 0 ? trees : [...trees].reverse())) {
    const res = run(t);
    results.get(t.dist).push(res);
    console.log(`round ${r + 1} ${t.dist.padEnd(24)} send ${res.sendMsPerMB.toFixed(2)} ms/MB  recv ${res.recvMsPerMB.toFixed(2)} ms/MB`);
  }
}
console.log(`median (min) of ${rounds} rounds, ${opt.mb} MB each, ${opt.loss} % loss:`);
const fmt = (xs) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}) ms/MB`;
for (const [dist, rs] of results) {
  console.log(`  ${dist.padEnd(24)} send ${fmt(rs.map((x) => x.sendMsPerMB))}  recv ${fmt(rs.map((x) => x.recvMsPerMB))}`);
}
