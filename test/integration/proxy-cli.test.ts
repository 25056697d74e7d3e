/** `tswebtransport proxy`: argument parsing, and the started proxy relaying to a loopback UDP echo (certificate pinned by hash). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { parseProxyArgs, startProxy } from '../../src/cli/proxy.js';
import { main } from '../../src/cli/main.js';
import { ConnectUdpClient, ProxyConnectError } from '../../src/api/proxy/index.js';

describe('tswebtransport proxy', () => {
  test('arguments are parsed and checked', () => {
    const a = parseProxyArgs(['--port', '0', '--user', 'u', '--password', 'p', '--quiet']);
    assert.equal(a.port, 0);
    assert.equal(a.user, 'u');
    assert.equal(a.allowAny, false);
    assert.throws(() => parseProxyArgs(['--port', '70000']), /invalid --port/);
    assert.throws(() => parseProxyArgs(['--user', 'u']), /go together/);
    assert.throws(() => parseProxyArgs(['--nope']));
  });

  test('--help prints the usage; bad arguments exit 2', async () => {
    const log = console.log;
    const err = console.error;
    const lines: string[] = [];
    console.log = (line: string) => lines.push(line);
    console.error = (line: string) => lines.push(line);
    try {
      assert.equal(await main(['proxy', '--help']), 0);
      assert.equal(await main(['proxy', '--port', 'x']), 2);
    } finally {
      console.log = log;
      console.error = err;
    }
    assert.match(lines.join('\n'), /CONNECT-UDP proxy/);
  });

  test('the started proxy relays to a loopback UDP echo and checks auth', async () => {
    const lines: string[] = [];
    const proxy = await startProxy(parseProxyArgs(['--port', '0', '--user', 'u', '--password', 'p']), (l) => lines.push(l));
    const echo = createSocket('udp4');
    echo.on('message', (msg, rinfo) => echo.send(msg, rinfo.port, rinfo.address));
    await new Promise<void>((resolve) => echo.bind(0, '127.0.0.1', resolve));
    const hash = /SHA-256: ([0-9a-f]{64})/.exec(lines.join('\n'))![1]!;
    const pinned = { url: proxy.url, serverCertificateHashes: [{ algorithm: 'sha-256', value: Buffer.from(hash, 'hex') }] };
    const client = await ConnectUdpClient.connect({ ...pinned, headers: { 'proxy-authorization': `Basic ${Buffer.from('u:p').toString('base64')}` } });
    const anonymous = await ConnectUdpClient.connect(pinned);
    try {
      await assert.rejects(anonymous.openTunnel('127.0.0.1', echo.address().port), (e: unknown) => e instanceof ProxyConnectError && e.status === 407);
      const tunnel = await client.openTunnel('127.0.0.1', echo.address().port);
      const got = new Promise<Uint8Array>((resolve) => tunnel.onDatagram((p) => resolve(p.slice())));
      let timer: ReturnType<typeof setInterval> | undefined;
      try {
        tunnel.send(new TextEncoder().encode('ping'));
        timer = setInterval(() => tunnel.send(new TextEncoder().encode('ping')), 100);
        assert.equal(new TextDecoder().decode(await got), 'ping');
      } finally {
        clearInterval(timer);
      }
      assert.ok(lines.some((l) => l.startsWith('[proxy] 200 127.0.0.1:')), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('[proxy] 407')), lines.join('\n'));
    } finally {
      await client.close();
      await anonymous.close();
      await proxy.close();
      echo.close();
    }
  });
});
