/** The interop CLI's command line: what it accepts, what it refuses (exit code 2, usage on stderr). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError, parseInteropArgs } from '../../src/cli/interop-args.js';
import { main } from '../../src/cli/interop.js';
describe('interop CLI arguments', () => {
    test('server command', () => {
        const a = parseInteropArgs(['server', '--mode', 'echo', '--alpn', 'hq-interop,echo', '--listen', '[::]:4433',
            '--cert', 'c.pem', '--key', 'k.pem', '--retry', '--keylog', 'keys.txt']);
        assert.deepEqual(a, { role: 'server', mode: 'echo', alpn: ['hq-interop', 'echo'], listen: { address: '::', port: 4433 },
            cert: 'c.pem', key: 'k.pem', retry: true, keylog: 'keys.txt' });
    });
    test('client command with defaults and options', () => {
        const a = parseInteropArgs(['client', '--alpn', 'echo', '--alpn', 'x', '--connect', '127.0.0.1:4433', '--insecure',
            '--bytes', '1000000', '--streams', '4', '--uni', '2', '--datagrams', '10', '--chacha20', '--timeout', '2.5']);
        assert.equal(a.role, 'client');
        if (a.role !== 'client')
            return;
        assert.deepEqual(a.alpn, ['echo', 'x']);
        assert.deepEqual(a.connect, { address: '127.0.0.1', port: 4433 });
        assert.equal(a.mode, 'echo');
        assert.equal(a.insecure, true);
        assert.equal(a.bytes, 1_000_000);
        assert.equal(a.streams, 4);
        assert.equal(a.uni, 2);
        assert.equal(a.datagrams, 10);
        assert.equal(a.chacha20, true);
        assert.equal(a.timeoutSeconds, 2.5);
        const d = parseInteropArgs(['client', '--alpn', 'echo', '--connect', 'localhost:1']);
        assert.equal(d.role === 'client' && d.bytes === 1024 && d.streams === 1 && d.uni === 0 && d.datagrams === 0 && d.timeoutSeconds === 10, true);
    });
    test('refuses bad command lines with UsageError', () => {
        const bad = [
            [],
            ['proxy', '--alpn', 'x'],
            ['client', '--connect', '127.0.0.1:1'],
            ['client', '--alpn', 'x'],
            ['client', '--alpn', 'x', '--connect', '::1:4433'],
            ['client', '--alpn', 'x', '--connect', '127.0.0.1:1', '--ca', 'a', '--insecure'],
            ['client', '--alpn', 'x', '--connect', '127.0.0.1:1', '--bytes', '-5'],
            ['client', '--alpn', 'x', '--connect', '127.0.0.1:1', '--timeout', '0'],
            ['client', '--alpn', 'x', '--connect', '127.0.0.1:1', '--mode', 'h9'],
            ['client', '--alpn', 'x', '--connect', '127.0.0.1:1', '--nope'],
            ['server', '--alpn', 'x', '--listen', '127.0.0.1:1'],
            ['server', '--alpn', 'x', '--cert', 'c', '--key', 'k'],
        ];
        for (const argv of bad)
            assert.throws(() => parseInteropArgs(argv), UsageError, argv.join(' '));
    });
    test('main() returns exit code 2 on usage errors', async () => {
        const write = process.stderr.write;
        let err = '';
        process.stderr.write = ((s) => { err += s; return true; });
        try {
            assert.equal(await main(['client', '--alpn', 'x']), 2);
        }
        finally {
            process.stderr.write = write;
        }
        assert.match(err, /--connect/);
        assert.match(err, /usage:/);
    });
});
//# sourceMappingURL=quic-interop-cli.test.js.map