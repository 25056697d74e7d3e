import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyLogWriter, formatKeyLogLine } from '../../../src/runtime/keylog.js';
const dir = mkdtempSync(join(tmpdir(), 'keylog-'));
after(() => rmSync(dir, { recursive: true, force: true }));
describe('keylog', () => {
    test('formats NSS key log lines', () => {
        assert.equal(formatKeyLogLine('CLIENT_HANDSHAKE_TRAFFIC_SECRET', new Uint8Array([0, 1, 0xab]), new Uint8Array([0xff, 0x10])), 'CLIENT_HANDSHAKE_TRAFFIC_SECRET 0001ab ff10\n');
        assert.throws(() => formatKeyLogLine('bad label\n', new Uint8Array(1), new Uint8Array(1)), RangeError);
    });
    test('appends lines synchronously to the given path, owner-only', () => {
        const path = join(dir, 'explicit.log');
        const write = createKeyLogWriter(path);
        const random = new Uint8Array(32).fill(0x11);
        write('SERVER_TRAFFIC_SECRET_0', random, new Uint8Array(32).fill(0x22));
        write('CLIENT_TRAFFIC_SECRET_0', random, new Uint8Array(32).fill(0x33));
        const lines = readFileSync(path, 'utf8').split('\n');
        assert.deepEqual(lines, [
            `SERVER_TRAFFIC_SECRET_0 ${'11'.repeat(32)} ${'22'.repeat(32)}`,
            `CLIENT_TRAFFIC_SECRET_0 ${'11'.repeat(32)} ${'33'.repeat(32)}`,
            '',
        ]);
        if (process.platform !== 'win32')
            assert.equal(statSync(path).mode & 0o077, 0);
    });
    test('defaults to SSLKEYLOGFILE and is undefined without a path', () => {
        const saved = process.env['SSLKEYLOGFILE'];
        try {
            delete process.env['SSLKEYLOGFILE'];
            assert.equal(createKeyLogWriter(), undefined);
            assert.equal(createKeyLogWriter(''), undefined);
            const path = join(dir, 'env.log');
            process.env['SSLKEYLOGFILE'] = path;
            createKeyLogWriter()('EXPORTER_SECRET', new Uint8Array([1]), new Uint8Array([2]));
            assert.equal(readFileSync(path, 'utf8'), 'EXPORTER_SECRET 01 02\n');
        }
        finally {
            if (saved === undefined)
                delete process.env['SSLKEYLOGFILE'];
            else
                process.env['SSLKEYLOGFILE'] = saved;
        }
    });
});
//# sourceMappingURL=keylog.test.js.map