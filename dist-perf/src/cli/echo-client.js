/** Echo mode, client side: send random payloads on bidi/uni streams and as datagrams, check every echo. */
import { randomBytes } from 'node:crypto';
const WRITE_CHUNK = 64 * 1024;
export async function runEchoClient(connection, options) {
    const datagramCheck = options.datagrams > 0 ? checkDatagrams(connection, options) : undefined;
    const [bidi, uni] = await Promise.all([checkBidi(connection, options), checkUni(connection, options)]);
    const datagrams = datagramCheck ? await datagramCheck : { sent: 0, received: 0, corrupt: 0 };
    return { ok: bidi.ok && uni.ok && datagrams.corrupt === 0, bidi, uni, datagrams };
}
async function checkBidi(connection, options) {
    const errors = [];
    let good = 0;
    await Promise.all(Array.from({ length: options.streams }, async () => {
        try {
            const payload = randomBytes(options.bytes);
            const stream = await connection.openBidirectionalStream();
            const [echoed] = await Promise.all([readAll(stream), sendAll(stream, payload)]);
            if (equal(echoed, payload))
                good++;
            else
                errors.push(`bidi stream ${stream.id}: echo differs (${echoed.length} of ${payload.length} bytes)`);
        }
        catch (error) {
            errors.push(`bidi: ${error.message}`);
        }
    }));
    return summary(good, options.streams, options.bytes, errors);
}
async function checkUni(connection, options) {
    if (options.uni === 0)
        return summary(0, 0, options.bytes, []);
    const errors = [];
    const payloads = Array.from({ length: options.uni }, () => randomBytes(options.bytes));
    const unmatched = new Set(payloads.map((_, i) => i));
    let good = 0;
    const receive = (async () => {
        const it = connection.incomingStreams[Symbol.asyncIterator]();
        const reads = [];
        for (let i = 0; i < options.uni; i++) {
            const next = await it.next();
            if (next.done)
                throw new Error(`connection ended after ${i} of ${options.uni} echoed uni streams`);
            reads.push(readAll(next.value).then((echoed) => {
                // Echo streams come back in any order: match them by content.
                for (const idx of unmatched) {
                    if (equal(echoed, payloads[idx])) {
                        unmatched.delete(idx);
                        good++;
                        return;
                    }
                }
                errors.push(`uni stream ${next.value.id}: echo matches no payload (${echoed.length} bytes)`);
            }));
        }
        await Promise.all(reads);
    })();
    const send = Promise.all(payloads.map(async (payload) => sendAll(await connection.openUnidirectionalStream(), payload)));
    try {
        await Promise.all([receive, send]);
    }
    catch (error) {
        errors.push(`uni: ${error.message}`);
    }
    return summary(good, options.uni, options.bytes, errors);
}
async function checkDatagrams(connection, options) {
    const size = Math.max(8, Math.min(1000, connection.maxDatagramSize));
    const sentPayloads = [];
    let received = 0;
    let corrupt = 0;
    const seen = new Set();
    const done = new Promise((resolve) => {
        void (async () => {
            for await (const d of connection.datagrams) {
                const index = d.length >= 4 ? new DataView(d.buffer, d.byteOffset, 4).getUint32(0) : -1;
                const original = sentPayloads[index];
                if (original === undefined || !equal(d, original) || seen.has(index))
                    corrupt++;
                else {
                    seen.add(index);
                    received++;
                }
                if (received + corrupt >= options.datagrams)
                    break;
            }
            resolve();
        })();
    });
    let sent = 0;
    for (let i = 0; i < options.datagrams; i++) {
        const payload = randomBytes(size);
        new DataView(payload.buffer, payload.byteOffset, 4).setUint32(0, i);
        sentPayloads.push(payload);
        try {
            connection.sendDatagram(payload);
            sent++;
        }
        catch {
            // Counted as not sent.
        }
        // Let the driver flush between bursts so the core's datagram queue does not overflow.
        if (i % 32 === 31)
            await new Promise((r) => setImmediate(r));
    }
    let timer;
    await Promise.race([done, new Promise((r) => { timer = setTimeout(r, options.datagramWaitMs ?? 1000); })]);
    clearTimeout(timer);
    return { sent, received, corrupt };
}
async function sendAll(stream, payload) {
    for (let offset = 0; offset < payload.length; offset += WRITE_CHUNK) {
        await stream.write(payload.subarray(offset, Math.min(payload.length, offset + WRITE_CHUNK)));
    }
    await stream.end();
}
async function readAll(stream) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        chunks.push(chunk);
        total += chunk.length;
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
        out.set(c, offset);
        offset += c.length;
    }
    return out;
}
function equal(a, b) {
    return a.length === b.length && Buffer.compare(a, b) === 0;
}
function summary(good, n, bytes, errors) {
    return { ok: good === n && errors.length === 0, n, bytes, ...(errors.length > 0 ? { errors } : {}) };
}
//# sourceMappingURL=echo-client.js.map