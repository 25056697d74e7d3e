import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EventEmitter, EventType, createEvent, isConnectionEvent, isDatagramEvent, isErrorEvent, isSessionEvent,
  isStreamEvent, type AnyWebTransportEvent, type StreamEventMap, type WebTransportEvent,
} from '../../../src/api/events.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('EventType and events', () => {
  test('the 17 pywebtransport event types, lower camelCase', () => {
    assert.equal(Object.keys(EventType).length, 17);
    assert.equal(EventType.SESSION_REQUEST, 'sessionRequest');
    assert.equal(EventType.STREAM_DATA_RECEIVED, 'streamDataReceived');
    assert.equal(EventType.TIMEOUT_ERROR, 'timeoutError');
    assert.ok(Object.isFrozen(EventType));
  });

  test('createEvent fills timestamp, id and source; the event is frozen', () => {
    const before = Date.now();
    const event = createEvent('sessionClosed', { sessionId: 0, code: 0, reason: '', remote: true }, { source: 'me' });
    assert.equal(event.type, 'sessionClosed');
    assert.equal(event.data.remote, true);
    assert.equal(event.source, 'me');
    assert.ok(event.timestamp >= before);
    assert.match(event.id, /^[0-9a-f-]{36}$/);
    assert.ok(Object.isFrozen(event));
    assert.notEqual(createEvent('sessionDraining', { sessionId: 0 }).id, createEvent('sessionDraining', { sessionId: 0 }).id);
    assert.equal(createEvent('sessionDraining', { sessionId: 0 }, { timestamp: 5 }).timestamp, 5);
  });

  test('category predicates', () => {
    const types = Object.values(EventType);
    assert.deepEqual(types.filter((type) => isConnectionEvent({ type })), ['connectionEstablished', 'connectionLost', 'connectionFailed', 'connectionClosed']);
    assert.deepEqual(types.filter((type) => isSessionEvent({ type })), ['sessionRequest', 'sessionReady', 'sessionClosed', 'sessionDraining']);
    assert.deepEqual(types.filter((type) => isStreamEvent({ type })), ['streamOpened', 'streamClosed', 'streamDataReceived', 'streamError']);
    assert.deepEqual(types.filter((type) => isDatagramEvent({ type })), ['datagramReceived', 'datagramSent', 'datagramError']);
    assert.deepEqual(types.filter((type) => isErrorEvent({ type })), ['streamError', 'datagramError', 'protocolError', 'timeoutError']);
  });

  test('the union narrows on type', () => {
    const event = createEvent('streamOpened', { streamId: 4, direction: 'bidirectional' }) as AnyWebTransportEvent;
    if (event.type === 'streamOpened') assert.equal(event.data.streamId, 4);
    else assert.fail('narrowing');
  });
});

describe('EventEmitter', () => {
  test('on / emit / off; duplicates are ignored; the returned function unsubscribes', () => {
    const emitter = new EventEmitter();
    const seen: number[] = [];
    const handler = (e: WebTransportEvent<'sessionDraining'>): void => { seen.push(e.data.sessionId); };
    const off = emitter.on('sessionDraining', handler);
    emitter.on('sessionDraining', handler);
    assert.equal(emitter.listenerCount('sessionDraining'), 1);
    emitter.emit('sessionDraining', { sessionId: 1 });
    off();
    emitter.emit('sessionDraining', { sessionId: 2 });
    assert.deepEqual(seen, [1]);
  });

  test('order: persistent, then once, then wildcard; once fires once', () => {
    const emitter = new EventEmitter<StreamEventMap>();
    const order: string[] = [];
    emitter.onAny((e) => { order.push(`any:${e.type}`); });
    emitter.once('streamClosed', () => { order.push('once'); });
    emitter.on('streamClosed', () => { order.push('on'); });
    emitter.emit('streamClosed', { streamId: 0 });
    emitter.emit('streamClosed', { streamId: 0 });
    assert.deepEqual(order, ['on', 'once', 'any:streamClosed', 'on', 'any:streamClosed']);
  });

  test('off without handler removes all of a type; offAny; removeAllListeners', () => {
    const emitter = new EventEmitter();
    let count = 0;
    const inc = (): void => { count++; };
    emitter.on('streamClosed', inc);
    emitter.once('streamClosed', () => { count += 10; });
    emitter.off('streamClosed');
    emitter.emit('streamClosed', { streamId: 0 });
    emitter.onAny(inc);
    emitter.offAny(inc);
    emitter.emit('streamClosed', { streamId: 0 });
    emitter.on('sessionDraining', inc);
    emitter.onAny(inc);
    emitter.removeAllListeners();
    emitter.emit('sessionDraining', { sessionId: 0 });
    assert.equal(count, 0);
    assert.equal(emitter.listeners('sessionDraining').length, 0);
  });

  test('a throwing or rejecting listener is reported and the others still run', async () => {
    const errors: unknown[] = [];
    const emitter = new EventEmitter({ onListenerError: (error) => errors.push(error) });
    let reached = false;
    emitter.on('streamClosed', () => { throw new Error('sync'); });
    emitter.on('streamClosed', async () => { throw new Error('async'); });
    emitter.on('streamClosed', () => { reached = true; });
    emitter.emit('streamClosed', { streamId: 0 });
    assert.ok(reached);
    await settle();
    assert.deepEqual(errors.map((e) => (e as Error).message), ['sync', 'async']);
  });

  test('listeners added during delivery start with the next event', () => {
    const emitter = new EventEmitter();
    let late = 0;
    emitter.on('streamClosed', () => { emitter.on('streamClosed', () => { late++; }); });
    emitter.emit('streamClosed', { streamId: 0 });
    assert.equal(late, 0);
  });

  test('waitFor resolves with the next matching event', async () => {
    const emitter = new EventEmitter();
    const waiting = emitter.waitFor('streamOpened', { condition: (e) => e.data.streamId === 8 });
    emitter.emit('streamOpened', { streamId: 4, direction: 'bidirectional' });
    emitter.emit('streamOpened', { streamId: 8, direction: 'sendOnly' });
    const event = await waiting;
    assert.equal(event.data.streamId, 8);
  });

  test('waitFor rejects with the signal reason (timeouts included) and with a throwing condition', async () => {
    const emitter = new EventEmitter();
    await assert.rejects(emitter.waitFor('streamOpened', { signal: AbortSignal.timeout(1) }), (e: unknown) => (e as Error).name === 'TimeoutError');
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await assert.rejects(emitter.waitFor('streamOpened', { signal: controller.signal }), /gone/);
    const bad = emitter.waitFor('streamClosed', { condition: () => { throw new Error('cond'); } });
    emitter.emit('streamClosed', { streamId: 0 });
    await assert.rejects(bad, /cond/);
  });

  test('pause queues events and resume delivers them in order', () => {
    const emitter = new EventEmitter();
    const seen: number[] = [];
    emitter.on('streamClosed', (e) => { seen.push(e.data.streamId); });
    emitter.pause();
    assert.ok(emitter.isPaused);
    emitter.emit('streamClosed', { streamId: 1 });
    emitter.emit('streamClosed', { streamId: 2 });
    assert.deepEqual(seen, []);
    emitter.resume();
    assert.deepEqual(seen, [1, 2]);
    assert.ok(!emitter.isPaused);
  });

  test('the paused queue is bounded: the oldest event is dropped and counted', () => {
    const emitter = new EventEmitter({ maxPausedEvents: 2 });
    const seen: number[] = [];
    emitter.on('streamClosed', (e) => { seen.push(e.data.streamId); });
    emitter.pause();
    for (const streamId of [1, 2, 3]) emitter.emit('streamClosed', { streamId });
    assert.equal(emitter.getStats().queuedWhilePaused, 2);
    emitter.resume();
    assert.deepEqual(seen, [2, 3]);
    assert.equal(emitter.getStats().droppedWhilePaused, 1);
    assert.throws(() => new EventEmitter({ maxPausedEvents: 0 }), RangeError);
  });

  test('getStats counts events, listeners, wildcards and waiters', async () => {
    const emitter = new EventEmitter({ historySize: 10, maxListeners: 7 });
    emitter.on('streamClosed', () => {});
    emitter.once('streamClosed', () => {});
    emitter.on('sessionReady', () => {});
    emitter.onAny(() => {});
    const controller = new AbortController();
    const waiting = emitter.waitFor('datagramSent', { signal: controller.signal });
    emitter.emit('streamClosed', { streamId: 1 });
    assert.deepEqual(emitter.getStats(), {
      eventsEmitted: 1, listenerCount: 2, eventTypes: 2, anyListeners: 1, pendingWaits: 1,
      historySize: 1, paused: false, queuedWhilePaused: 0, droppedWhilePaused: 0, maxListeners: 7,
    });
    controller.abort(new Error('done'));
    await assert.rejects(waiting, /done/);
    assert.equal(emitter.getStats().pendingWaits, 0);
  });

  test('history is bounded and filterable', () => {
    const emitter = new EventEmitter({ historySize: 3 });
    for (let i = 0; i < 5; i++) emitter.emit('streamClosed', { streamId: i });
    emitter.emit('sessionDraining', { sessionId: 9 });
    const all = emitter.getEventHistory();
    assert.equal(all.length, 3);
    assert.deepEqual(emitter.getEventHistory({ type: 'streamClosed' }).map((e) => (e.data as { streamId: number }).streamId), [3, 4]);
    assert.equal(emitter.getEventHistory({ limit: 1 })[0]!.type, 'sessionDraining');
    emitter.clearHistory();
    assert.equal(emitter.getEventHistory().length, 0);
    assert.equal(new EventEmitter().emit('streamClosed', { streamId: 0 }).type, 'streamClosed');
    assert.equal(new EventEmitter().getEventHistory().length, 0, 'no history by default');
  });

  test('close drops listeners and rejects waiters with an AbortError', async () => {
    const emitter = new EventEmitter();
    let called = false;
    emitter.on('streamClosed', () => { called = true; });
    const waiting = emitter.waitFor('streamClosed');
    emitter.close();
    await assert.rejects(waiting, (e: unknown) => (e as Error).name === 'AbortError');
    emitter.emit('streamClosed', { streamId: 0 });
    assert.ok(!called);
    await assert.rejects(emitter.waitFor('streamClosed'), (e: unknown) => (e as Error).name === 'AbortError');
  });

  test('exceeding maxListeners warns once per type', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => { warnings.push(w.name); };
    process.on('warning', onWarning);
    try {
      const emitter = new EventEmitter({ maxListeners: 1 });
      emitter.on('streamClosed', () => {});
      emitter.on('streamClosed', () => {});
      emitter.on('streamClosed', () => {});
      emitter.setMaxListeners(10);
      await settle();
      assert.deepEqual(warnings, ['MaxListenersExceededWarning']);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
