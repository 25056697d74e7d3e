#!/usr/bin/env node
// Where a WebTransport connect() spends its time, seen from the client: our bench server runs in
// its own process (dist/bench/wt-peer.js server), the client records when it sends and receives
// datagrams and prints the median of each phase (start -> first send = client setup; send -> recv =
// server work + two wake-ups; recv -> send = client work...). Usage (after `npm run build`):
//   node scripts/bench/connect-phases.mjs [--sessions 400] [--dist dist]
import dgram from 'node:dgram';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '400' }, dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
const sessions = Number(values.sessions);
const warmup = Math.min(100, Math.floor(sessions / 4));
const { WebTransportClient } = await import(`${dist}/src/index.js`);

const server = spawn(process.execPath, [`${dist}/bench/wt-peer.js`, 'server'], { stdio: ['pipe', 'pipe', 'inherit'] });
const ready = await new Promise((done) => createInterface({ input: server.stdout }).once('line', done));
const { port, caPem } = JSON.parse(ready);

let marks;
const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (...args) {
  marks?.push(['send', performance.now()]);
  return send.apply(this, args);
};
const emit = dgram.Socket.prototype.emit;
dgram.Socket.prototype.emit = function (event, ...args) {
  if (event === 'message') marks?.push(['recv', performance.now()]);
  return emit.call(this, event, ...args);
};

const phases = new Map();
const record = (name, ms) => (phases.get(name) ?? phases.set(name, []).get(name)).push(ms);
const client = new WebTransportClient();
for (let i = 0; i < sessions; i++) {
  marks = [];
  const start = performance.now();
  const session = await client.connect(`https://127.0.0.1:${port}/connect-phases`, { ca: caPem, reuseConnection: false });
  const end = performance.now();
  const seen = marks;
  marks = undefined;
  if (i >= warmup) {
    let at = start;
    let kind = 'start';
    let step = 0;
    for (const [next, t] of seen) {
      if (next === kind) continue;
      record(`${step++}: ${kind} -> ${next}`, t - at);
      kind = next;
      at = t;
    }
    record(`${step}: ${kind} -> ready`, end - at);
    record('total', end - start);
  }
  void session.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`connect() phases, client view, medians over ${sessions - warmup} sessions (ms):`);
for (const [name, xs] of phases) console.log(`  ${name.padEnd(20)} ${median(xs).toFixed(3).padStart(7)}   n=${xs.length}`);
await client.close();
server.stdin.end();
