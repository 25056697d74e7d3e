/**
 * The tiny application protocol both stacks run in the benchmark, written once against a
 * stack-neutral stream/connection shape so ours and quiche execute the same work.
 *
 * A bidi stream starts with an op byte:
 *   'U' payload... FIN      upload: the server counts the bytes, answers an 8-byte count + FIN;
 *   'D' u64 length FIN      download: the server sends `length` bytes + FIN;
 *   'S' FIN                 stats: the server answers the datagrams it got on this connection.
 */
import { setImmediate as yieldTurn } from 'node:timers/promises';
export const Op = {
    upload: 0x55,
    download: 0x44,
    stats: 0x53,
};
/** One shared, never-modified source buffer for every payload (the stacks may keep views on it). */
const PAYLOAD = new Uint8Array(1024 * 1024).fill(0x61);
export const DEFAULT_CHUNK = 64 * 1024;
export function encodeU64(n) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(n));
    return out;
}
function decodeU64(bytes, offset) {
    return Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset));
}
/** Writes `total` payload bytes in `chunk`-sized writes (views on one buffer: no copies). */
export async function sendPayload(stream, total, chunk = DEFAULT_CHUNK) {
    const size = Math.min(chunk, PAYLOAD.length);
    for (let sent = 0; sent < total;) {
        const n = Math.min(size, total - sent);
        await stream.write(PAYLOAD.subarray(0, n));
        sent += n;
    }
}
/** Reads to FIN and returns the byte count (the bytes themselves are dropped). */
export async function drainCount(stream) {
    let n = 0;
    for (let c = await stream.read(); c !== null; c = await stream.read())
        n += c.length;
    return n;
}
/** Reads to FIN and returns everything (for short replies only). */
export async function readSmall(stream, limit = 64 * 1024) {
    const parts = [];
    let n = 0;
    for (let c = await stream.read(); c !== null; c = await stream.read()) {
        n += c.length;
        if (n > limit)
            throw new Error(`reply exceeds ${limit} bytes`);
        parts.push(c.slice());
    }
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
// ---------------------------------------------------------------- server side
/** Serves one peer-opened bidi stream according to its op byte. */
export async function serveBenchStream(stream, counters) {
    const first = await stream.read();
    if (first === null || first.length === 0) {
        await stream.end();
        return;
    }
    switch (first[0]) {
        case Op.upload: {
            const n = first.length - 1 + await drainCount(stream);
            await stream.write(encodeU64(n));
            await stream.end();
            return;
        }
        case Op.download: {
            let head = first;
            while (head.length < 9) {
                const more = await stream.read();
                if (more === null)
                    throw new Error('truncated download request');
                head = concat(head, more);
            }
            const length = decodeU64(head, 1);
            await drainCount(stream);
            await sendPayload(stream, length);
            await stream.end();
            return;
        }
        case Op.stats:
            await drainCount(stream);
            await stream.write(new TextEncoder().encode(JSON.stringify({ datagrams: counters.datagrams })));
            await stream.end();
            return;
        default:
            throw new Error(`unknown op 0x${first[0].toString(16)}`);
    }
}
function concat(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
}
function transferSample(bytes, startNs) {
    const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
    return { bytes, seconds, mbPerSecond: bytes / 1e6 / seconds };
}
/** Client->server: until the server confirmed it counted every byte. */
export async function uploadOnce(conn, bytes, chunk = DEFAULT_CHUNK) {
    const stream = await conn.openBidi();
    const start = process.hrtime.bigint();
    await stream.write(Uint8Array.of(Op.upload));
    await sendPayload(stream, bytes, chunk);
    await stream.end();
    const reply = await readSmall(stream);
    const counted = reply.length === 8 ? decodeU64(reply, 0) : -1;
    if (counted !== bytes)
        throw new Error(`server counted ${counted} of ${bytes} bytes`);
    return transferSample(bytes, start);
}
/** Server->client: from the request until the FIN of the payload. */
export async function downloadOnce(conn, bytes) {
    const stream = await conn.openBidi();
    const start = process.hrtime.bigint();
    const request = new Uint8Array(9);
    request[0] = Op.download;
    request.set(encodeU64(bytes), 1);
    await stream.write(request);
    await stream.end();
    const got = await drainCount(stream);
    if (got !== bytes)
        throw new Error(`received ${got} of ${bytes} bytes`);
    return transferSample(bytes, start);
}
export async function serverDatagramCount(conn) {
    const stream = await conn.openBidi();
    await stream.write(Uint8Array.of(Op.stats));
    await stream.end();
    const reply = JSON.parse(new TextDecoder().decode(await readSmall(stream)));
    return reply.datagrams;
}
/**
 * Offers `size`-byte datagrams for `durationMs`, keeping the local queue topped up to `backlog`
 * (so we measure what the stack moves, not how fast a queue drops), then asks the server how
 * many arrived. `sentCount` reports what really left (stacks differ in how they drop).
 */
export async function datagramBlast(conn, options) {
    const datagram = new Uint8Array(options.size).fill(0x64);
    let accepted = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round(options.durationMs * 1e6));
    while (process.hrtime.bigint() < end) {
        for (let room = options.backlog - conn.datagramBacklog(); room > 0; room--) {
            if (!conn.sendDatagram(datagram))
                break;
            accepted++;
        }
        await yieldTurn();
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await new Promise((resolve) => setTimeout(resolve, options.settleMs));
    const sent = options.sentCount(accepted);
    const received = await serverDatagramCount(conn);
    return {
        size: options.size,
        seconds,
        sent,
        received,
        lossPercent: sent > 0 ? Math.max(0, (1 - received / sent) * 100) : 0,
        sentPerSecond: sent / seconds,
        receivedPerSecond: received / seconds,
    };
}
//# sourceMappingURL=bench-protocol.js.map