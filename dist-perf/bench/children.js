/** Spawning and talking to peer.js processes (server kept alive per stack, one client per scenario). */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
const PEER = fileURLToPath(new URL('./peer.js', import.meta.url));
const STDERR_TAIL = 4000;
function keepTail(child) {
    let tail = '';
    child.stderr?.on('data', (chunk) => { tail = (tail + chunk.toString()).slice(-STDERR_TAIL); });
    return () => tail.trim();
}
function exited(child) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => child.once('exit', () => resolve()));
}
export async function startServer(args, nodeFlags, timeoutMs = 30_000) {
    const child = spawn(process.execPath, [...nodeFlags, PEER, 'server', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr = keepTail(child);
    const stop = async () => {
        child.stdin?.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited(child);
        clearTimeout(timer);
    };
    const lines = createInterface({ input: child.stdout });
    try {
        const ready = await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('server not ready in time')), timeoutMs);
            lines.on('line', (line) => {
                if (!line.startsWith('{'))
                    return;
                clearTimeout(timer);
                resolve(JSON.parse(line));
            });
            child.once('exit', (code) => {
                clearTimeout(timer);
                reject(new Error(`server exited with ${code}`));
            });
        });
        return { ports: ready.ports, notes: ready.notes ?? [], stop };
    }
    catch (error) {
        await stop();
        throw new Error(`${error.message}\n${stderr()}`);
    }
}
export async function runClient(args, nodeFlags, timeoutMs) {
    const child = spawn(process.execPath, [...nodeFlags, PEER, 'client', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = keepTail(child);
    let stdout = '';
    child.stdout.on('data', (chunk) => { stdout += chunk.toString(); });
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
    }, timeoutMs);
    await exited(child);
    clearTimeout(timer);
    const line = stdout.split('\n').reverse().find((l) => l.startsWith('{'));
    if (line !== undefined && !timedOut)
        return JSON.parse(line);
    const why = timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with ${child.exitCode ?? child.signalCode}`;
    return { ok: false, samples: [], notes: [], error: `${why}${stderr() ? `\n${stderr()}` : ''}` };
}
//# sourceMappingURL=children.js.map