import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EndpointDriver } from '../../../src/runtime/endpoint-driver.js';
import { SendBufferPool } from '../../../src/runtime/send-buffer-pool.js';
import type { ConnectionEvent } from '../../../src/runtime/proto-types.js';
import { FakeClock, FakeConnection, FakeEndpoint, FakeSocket, FakeTimers, turn } from './fakes.js';

const peer = { address: '127.0.0.1', port: 5555 };

function setup(options: { pool?: SendBufferPool; onAccepted?: (c: FakeConnection) => void } = {}) {
  const socket = new FakeSocket();
  const endpoint = new FakeEndpoint();
  const clock = new FakeClock();
  const timers = new FakeTimers();
  const driver = new EndpointDriver<FakeConnection>({ socket, endpoint, clock, timers, ...options });
  return { socket, endpoint, clock, timers, driver };
}

describe('EndpointDriver', () => {
  test('feeds received datagrams with the clock time and coalesces one flush per turn', async () => {
    const { socket, endpoint, clock, driver } = setup();
    clock.t = 42_000;
    socket.deliver(new Uint8Array([1]), peer);
    socket.deliver(new Uint8Array([2]), peer);
    socket.deliver(new Uint8Array([3]), peer);
    assert.equal(endpoint.received.length, 3);
    assert.deepEqual(endpoint.received.map((r) => [r.now, r.bytes[0], r.remote.port]), [[42_000, 1, 5555], [42_000, 2, 5555], [42_000, 3, 5555]]);
    assert.equal(driver.stats.flushes, 0, 'flush is deferred to the end of the batch');
    await turn();
    assert.equal(driver.stats.flushes, 1);
  });

  test('drains every transmit to the socket with its bytes and remote', async () => {
    const { socket, endpoint, driver } = setup();
    endpoint.transmits.push({ bytes: new Uint8Array([9, 9, 9]), remote: peer }, { bytes: new Uint8Array([7]), remote: { address: '::1', port: 1 } });
    driver.wake();
    await turn();
    assert.equal(socket.sent.length, 2);
    assert.deepEqual([...socket.sent[0]!.bytes], [9, 9, 9]);
    assert.deepEqual(socket.sent[1]!.remote, { address: '::1', port: 1 });
    assert.equal(endpoint.transmits.length, 0);
  });

  test('arms one timer at pollTimeout and re-arms only when the deadline changes', async () => {
    const { socket, endpoint, clock, timers, driver } = setup();
    endpoint.deadline = clock.t + 5_000;
    driver.wake();
    await turn();
    assert.equal(timers.armed.size, 1);
    assert.deepEqual(timers.history, [5]);

    socket.deliver(new Uint8Array([1]), peer); // input with an unchanged deadline: timer kept
    await turn();
    assert.deepEqual(timers.history, [5]);

    endpoint.deadline = clock.t + 1_500; // earlier deadline: replaced, never two timers
    socket.deliver(new Uint8Array([2]), peer);
    await turn();
    assert.equal(timers.armed.size, 1);
    assert.deepEqual(timers.history, [5, 2], 'delay rounds up to whole milliseconds');

    endpoint.deadline = undefined;
    driver.wake();
    await turn();
    assert.equal(timers.armed.size, 0);
  });

  test('a past deadline arms a zero delay; firing calls handleTimeout then flushes', async () => {
    const { socket, endpoint, clock, timers, driver } = setup();
    endpoint.deadline = clock.t - 10;
    driver.wake();
    await turn();
    assert.deepEqual(timers.history, [0]);
    endpoint.onTimeout = () => {
      endpoint.deadline = undefined;
      endpoint.transmits.push({ bytes: new Uint8Array([0xaa]), remote: peer });
    };
    clock.t += 3_000;
    timers.fireAll();
    assert.deepEqual(endpoint.timeoutsHandled, [clock.t]);
    assert.equal(socket.sent.length, 1, 'the timer input is flushed at once');
    assert.equal(timers.armed.size, 0);
  });

  test('dispatches connection events to registered handlers and accepted connections to onAccepted', async () => {
    const accepted: FakeConnection[] = [];
    const { endpoint, driver } = setup({ onAccepted: (c) => accepted.push(c) });
    const seen: ConnectionEvent[] = [];
    const server = endpoint.newConnection(true, peer);
    endpoint.events.push({ type: 'accepted', connection: server });
    endpoint.onDatagram = () => {
      server.emit({ type: 'handshakeCompleted', alpn: 'echo', resumed: false });
    };
    driver.wake();
    await turn();
    assert.deepEqual(accepted, [server]);
    driver.register(server, { onConnectionEvent: (e) => seen.push(e) });
    endpoint.handleDatagram(0, new Uint8Array(1), peer);
    server.emit({ type: 'closed', info: { code: 0n, application: true, reason: '', remote: true, kind: 'close' } });
    server.emit({ type: 'datagramsReadable' }); // after 'closed' the handler is gone
    driver.wake();
    await turn();
    assert.deepEqual(seen.map((e) => e.type), ['handshakeCompleted', 'closed']);
  });

  test('transmits queued by a handler during dispatch go out in the same flush', async () => {
    const { socket, endpoint, driver } = setup();
    const conn = endpoint.connect(0, peer, { alpnProtocols: ['x'], verifier: null });
    driver.register(conn, { onConnectionEvent: () => endpoint.transmits.push({ bytes: new Uint8Array([5]), remote: peer }) });
    conn.emit({ type: 'datagramsReadable' });
    driver.wake();
    await turn();
    assert.equal(driver.stats.flushes, 1);
    assert.equal(socket.sent.length, 1);
  });

  test('holds transmits back when every pool buffer is in flight and resumes on send completion', async () => {
    const pool = new SendBufferPool({ slotSize: 2048, slabSize: 4096, maxSlabs: 1 });
    const { socket, endpoint, driver } = setup({ pool });
    for (let i = 0; i < 5; i++) endpoint.transmits.push({ bytes: new Uint8Array([i]), remote: peer });
    driver.wake();
    await turn();
    assert.equal(socket.sent.length, 2, 'only two slots exist');
    assert.equal(pool.inFlight, 2);
    assert.equal(socket.pendingCallbacks.length, 1, 'one completion callback per batch, on its last send');
    socket.completeSends(1);
    await turn();
    assert.equal(socket.sent.length, 4, 'the completion freed the whole batch');
    assert.deepEqual(new Set([socket.sent[2]!.buffer, socket.sent[3]!.buffer]), new Set([socket.sent[0]!.buffer, socket.sent[1]!.buffer]),
      'the completed slots are reused');
    socket.completeSends();
    await turn();
    assert.deepEqual(socket.sent.map((s) => s.bytes[0]), [0, 1, 2, 3, 4]);
    socket.completeSends();
    assert.equal(pool.inFlight, 0);
    assert.equal(pool.slabCount, 1);
  });

  test('yields after maxTransmitsPerFlush and continues next turn', async () => {
    const socket = new FakeSocket();
    const endpoint = new FakeEndpoint();
    const driver = new EndpointDriver({ socket, endpoint, clock: new FakeClock(), timers: new FakeTimers(), maxTransmitsPerFlush: 3 });
    for (let i = 0; i < 7; i++) endpoint.transmits.push({ bytes: new Uint8Array([i]), remote: peer });
    driver.wake();
    await turn();
    assert.equal(socket.sent.length, 3);
    await turn();
    await turn();
    assert.equal(socket.sent.length, 7);
  });

  test('close() closes live connections, waits until the endpoint is idle, then closes the socket', async () => {
    const { socket, endpoint, timers, driver } = setup();
    const conn = endpoint.connect(0, peer, { alpnProtocols: ['x'], verifier: null });
    conn.state = 'established';
    endpoint.deadline = 10_000_000;
    const closing = driver.close({ code: 7n, reason: 'bye', connections: [conn] });
    assert.deepEqual(conn.closedWith, { code: 7n, reason: 'bye' });
    await turn();
    assert.equal(socket.closed, false, 'still draining');
    endpoint.connectionCount = 0;
    driver.wake();
    await closing;
    assert.equal(socket.closed, true);
    assert.equal(timers.armed.size, 0, 'no timer left behind');
  });

  test('close() gives up after timeoutMs', async () => {
    const { socket, endpoint, timers, driver } = setup();
    endpoint.connectionCount = 1;
    const closing = driver.close({ timeoutMs: 50 });
    await turn();
    assert.equal(socket.closed, false);
    timers.fireAll(); // the bound elapses
    await closing;
    assert.equal(socket.closed, true);
  });
});
