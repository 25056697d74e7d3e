/**
 * A bulk transfer over the deterministic simulated network (src/testing ProtoPair, virtual clock):
 * one stream client->server at 0 % and 5 % random loss, reporting the virtual-time throughput
 * (what the congestion controller and recovery achieve, free of UDP and scheduler noise) and the
 * real CPU time both endpoints spent (what the code costs per byte). Not a test: no assertions.
 *
 *   node dist/bench/sim-transfer.js [--mb 20] [--latency-ms 5] [--mbit 1000] [--loss 0,5] [--seed 1] [--quick]
 */
import { parseArgs } from 'node:util';
import { Endpoint } from '../src/proto/quic/endpoint/endpoint.js';
import { defaultCryptoProvider } from '../src/crypto/default.js';
import { ProtoPair } from '../src/testing/proto-pair.js';
import { createTestPki } from '../src/testing/test-pki.js';
import { MICROS_PER_MS } from '../src/proto/util/time.js';
const { values: opt } = parseArgs({
    options: {
        mb: { type: 'string' },
        'latency-ms': { type: 'string', default: '5' },
        mbit: { type: 'string', default: '1000' },
        loss: { type: 'string', default: '0,5' },
        seed: { type: 'string', default: '1' },
        quick: { type: 'boolean', default: false },
    },
});
const bytes = Math.round(Number(opt.mb ?? (opt.quick ? 5 : 20)) * 1024 * 1024);
const latencyMs = Number(opt['latency-ms']);
const bandwidthBps = Number(opt.mbit) * 1e6;
const losses = opt.loss.split(',').map(Number);
const seed = Number(opt.seed);
const ALPN = 'bench';
const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
const crypto = defaultCryptoProvider();
const payload = new Uint8Array(1024 * 1024).fill(0x61);
function transfer(lossPercent) {
    const wallOrigin = Date.now() * MICROS_PER_MS;
    const holder = {};
    const wallClock = () => wallOrigin + (holder.pair?.now() ?? 0);
    let server;
    let serverSawStream = false;
    const pair = new ProtoPair({
        seed,
        client: (random) => new Endpoint({ wallClock }, { crypto, random }),
        server: (random) => new Endpoint({
            wallClock, server: { tls: { certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: [ALPN] }, retry: false },
        }, { crypto, random }),
        link: { latencyMs, lossRate: lossPercent / 100, bandwidthBps, queueBytes: 1024 * 1024, mtu: 1500 },
        recordEvents: false,
        onEvent: (side, ev) => {
            if (side === 'server' && ev.type === 'accepted')
                server = ev.connection;
            if (side === 'server' && ev.type === 'connection' && ev.event.type === 'streamOpened')
                serverSawStream = true;
        },
    });
    holder.pair = pair;
    const client = pair.client;
    const conn = client.connect(pair.now(), pair.serverAddress, { serverName: 'localhost', alpnProtocols: [ALPN], verifier: null });
    pair.drive(() => conn.state === 'established' && server?.state === 'established', { maxTimeMs: 10_000 });
    const id = conn.openStream('bidi');
    let written = 0;
    let received = 0;
    let fin = false;
    const cpu0 = process.cpuUsage();
    const wall0 = process.hrtime.bigint();
    const t0 = pair.now();
    pair.drive(() => {
        while (written < bytes) {
            const n = conn.writeStream(id, payload.subarray(0, Math.min(payload.length, bytes - written)), written + payload.length >= bytes);
            written += n;
            if (n === 0)
                break;
        }
        // Reading a stream the server has not heard of yet is an error: wait for 'streamOpened'.
        for (let r = serverSawStream ? server.readStream(id, 1 << 20) : undefined; r !== undefined && !fin; r = server.readStream(id, 1 << 20)) {
            received += r.data.length;
            if (r.fin)
                fin = true;
            if (r.data.length === 0)
                break;
        }
        return fin;
    }, { maxTimeMs: 600_000, maxSteps: 50_000_000 });
    const virtualSeconds = (pair.now() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const wallSeconds = Number(process.hrtime.bigint() - wall0) / 1e9;
    const cs = conn.stats();
    const ss = server.stats();
    const packets = cs.packetsSent + ss.packetsSent;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (received !== bytes)
        console.error(`warning: received ${received} of ${bytes} bytes`);
    return {
        lossPercent, virtualSeconds, virtualMBps: bytes / 1e6 / virtualSeconds, cpuSeconds, wallSeconds,
        cpuMicrosPerPacket: cpuSeconds * 1e6 / packets, packetsSent: packets, packetsLost: cs.packetsLost + ss.packetsLost,
        ptoCount: cs.ptoCount + ss.ptoCount,
    };
}
console.log(`simulated transfer: ${(bytes / 1048576).toFixed(0)} MB client->server on one stream, `
    + `${latencyMs} ms one-way, ${opt.mbit} Mbit/s bottleneck, seed ${seed} (both endpoints in this process)`);
console.log('| loss | virtual time s | virtual MB/s | CPU s | CPU MB/s | wall s | packets (both ways) | lost | PTOs | CPU µs/packet |');
console.log('|------|----------------|--------------|-------|----------|--------|---------------------|------|------|---------------|');
for (const loss of losses) {
    const r = transfer(loss);
    console.log(`| ${String(loss).padStart(3)} % | ${r.virtualSeconds.toFixed(3).padStart(14)} | ${r.virtualMBps.toFixed(1).padStart(12)} `
        + `| ${r.cpuSeconds.toFixed(2).padStart(5)} | ${(bytes / 1e6 / r.cpuSeconds).toFixed(1).padStart(8)} | ${r.wallSeconds.toFixed(2).padStart(6)} `
        + `| ${String(r.packetsSent).padStart(19)} | ${String(r.packetsLost).padStart(4)} | ${String(r.ptoCount).padStart(4)} | ${r.cpuMicrosPerPacket.toFixed(1).padStart(13)} |`);
}
console.log('CPU MB/s counts both endpoints on one core (sender + receiver + the simulator), so it is a lower bound per side.');
//# sourceMappingURL=sim-transfer.js.map