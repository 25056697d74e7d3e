/**
 * Untrusted handshake bytes reach the TLS state machines only as TlsAlertError: random bytes,
 * mutated real ClientHellos (Chromium's) and mutated server flights.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTlsClient } from '../../src/proto/tls/client.js';
import { createTlsServer, type TlsServerConfig } from '../../src/proto/tls/server.js';
import { TlsAlertError } from '../../src/proto/tls/alerts.js';
import { EncryptionLevel, type TlsSession } from '../../src/proto/tls/session.js';
import { fromHex } from '../../src/proto/util/bytes.js';
import { CHROMIUM_CLIENT_HELLO_HEX } from '../vectors/chromium-client-hello.js';
import { clientConfig, deps, serverConfig } from '../unit/proto/tls/helpers.js';

const CHROMIUM = fromHex(CHROMIUM_CLIENT_HELLO_HEX);

/** Runs fn; anything thrown other than a TlsAlertError fails the property. */
function onlyAlerts(fn: () => void): boolean {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof TlsAlertError)) throw err;
  }
  return true;
}

const mutation = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'set', 'cut', 'insert'), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 });

function mutate(data: Uint8Array, muts: { at: number; kind: string; value: number }[]): Uint8Array {
  let out = data.slice();
  for (const m of muts) {
    const at = m.at % Math.max(1, out.length);
    if (m.kind === 'flip') out[at]! ^= 1 << (m.value & 7);
    else if (m.kind === 'set') out[at] = m.value;
    else if (m.kind === 'cut') out = out.slice(0, at);
    else out = new Uint8Array([...out.subarray(0, at), m.value, ...out.subarray(at)]);
  }
  return out;
}

describe('TLS fuzz', () => {
  let sc: TlsServerConfig;
  before(async () => { sc = await serverConfig(); });

  test('random bytes at any level -> only TlsAlertError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(0, 1, 2, 3), fc.boolean(), (data, level, asServer) => {
      const s: TlsSession = asServer ? createTlsServer(sc, deps) : createTlsClient(clientConfig(), deps);
      s.start(0);
      return onlyAlerts(() => s.handleHandshakeData(level as EncryptionLevel, data, 0));
    }), { numRuns: 1500 });
  });

  test('random bodies behind a valid ClientHello header -> only TlsAlertError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (body) => {
      const msg = new Uint8Array([1, 0, body.length >> 8, body.length & 0xff, ...body]);
      return onlyAlerts(() => createTlsServer(sc, deps).handleHandshakeData(EncryptionLevel.INITIAL, msg, 0));
    }), { numRuns: 1000 });
  });

  test('mutated Chromium ClientHello -> only TlsAlertError', () => {
    fc.assert(fc.property(mutation, (muts) => {
      const s = createTlsServer(sc, deps);
      return onlyAlerts(() => s.handleHandshakeData(EncryptionLevel.INITIAL, mutate(CHROMIUM, muts), 0));
    }), { numRuns: 1000 });
  });

  test('mutated server flights -> only TlsAlertError at the client', () => {
    fc.assert(fc.property(mutation, fc.boolean(), (muts, initial) => {
      const c = createTlsClient(clientConfig(), deps);
      const s = createTlsServer(sc, deps);
      c.start(0);
      for (let e = c.pollEvent(); e; e = c.pollEvent()) if (e.type === 'handshakeData') s.handleHandshakeData(e.level, e.data, 0);
      return onlyAlerts(() => {
        for (let e = s.pollEvent(); e; e = s.pollEvent()) {
          if (e.type !== 'handshakeData') continue;
          const target = initial ? EncryptionLevel.INITIAL : EncryptionLevel.HANDSHAKE;
          c.handleHandshakeData(e.level, e.level === target ? mutate(e.data, muts) : e.data, 0);
        }
      });
    }), { numRuns: 500 });
  });

  test('the unmutated flights still complete (the harness is sound)', () => {
    const c = createTlsClient(clientConfig(), deps);
    const s = createTlsServer(sc, deps);
    c.start(0);
    for (let e = c.pollEvent(); e; e = c.pollEvent()) if (e.type === 'handshakeData') s.handleHandshakeData(e.level, e.data, 0);
    for (let e = s.pollEvent(); e; e = s.pollEvent()) if (e.type === 'handshakeData') c.handleHandshakeData(e.level, e.data, 0);
    assert.ok(c.handshakeComplete);
  });
});
