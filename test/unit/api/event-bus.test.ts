import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventBus } from '../../../src/api/event-bus.js';
import { EventEmitter } from '../../../src/api/events.js';

interface Bus {
  chat: { text: string };
  join: { user: string };
}

describe('EventBus', () => {
  test('on/once/off deliver typed events', () => {
    const bus = new EventBus<Bus>();
    const seen: string[] = [];
    const off = bus.on('chat', (e) => void seen.push(`on:${e.data.text}`));
    bus.once('chat', (e) => void seen.push(`once:${e.data.text}`));
    bus.emit('chat', { text: 'a' });
    off();
    bus.emit('chat', { text: 'b' });
    assert.deepEqual(seen, ['on:a', 'once:a']);
  });

  test('subscribe returns ids; unsubscribe removes exactly one subscription', () => {
    const bus = new EventBus<Bus>();
    const seen: string[] = [];
    const handler = (e: { data: { user: string } }): void => void seen.push(e.data.user);
    const first = bus.subscribe('join', handler);
    const second = bus.subscribe('join', handler);
    assert.notEqual(first, second);
    assert.equal(bus.subscriptionCount, 2);
    bus.emit('join', { user: 'x' });
    assert.equal(bus.unsubscribe(first), true);
    assert.equal(bus.unsubscribe(first), false);
    bus.emit('join', { user: 'y' });
    assert.deepEqual(seen, ['x', 'x', 'y']);
    bus.clearAllSubscriptions();
    bus.emit('join', { user: 'z' });
    assert.deepEqual(seen, ['x', 'x', 'y']);
    assert.equal(bus.subscriptionCount, 0);
  });

  test('once subscriptions drop their id after firing', () => {
    const bus = new EventBus<Bus>();
    let count = 0;
    bus.subscribe('chat', () => void count++, { once: true });
    bus.emit('chat', { text: '1' });
    bus.emit('chat', { text: '2' });
    assert.equal(count, 1);
    assert.equal(bus.subscriptionCount, 0);
  });

  test('waitFor resolves with the matching event, rejects on abort', async () => {
    const bus = new EventBus<Bus>();
    const pending = bus.waitFor('chat', { condition: (e) => e.data.text === 'go' });
    bus.emit('chat', { text: 'wait' });
    bus.emit('chat', { text: 'go' });
    assert.equal((await pending).data.text, 'go');
    const controller = new AbortController();
    const aborted = bus.waitFor('join', { signal: controller.signal });
    controller.abort(new Error('stop'));
    await assert.rejects(aborted, /stop/);
  });

  test('publish keeps source and timestamp; forward bridges a component emitter', () => {
    const bus = new EventBus<Bus>();
    const component = new EventEmitter<Bus>();
    const got: { type: string; source: unknown; timestamp: number }[] = [];
    bus.onAny((e) => void got.push({ type: e.type, source: e.source, timestamp: e.timestamp }));
    const stop = bus.forward(component, ['chat']);
    component.emit('chat', { text: 'hi' }, { source: 'room', timestamp: 42 });
    component.emit('join', { user: 'ignored' });
    stop();
    component.emit('chat', { text: 'after stop' });
    assert.deepEqual(got, [{ type: 'chat', source: 'room', timestamp: 42 }]);
    const event = bus.publish({ type: 'join', data: { user: 'u' }, source: 's', timestamp: 7, id: 'x' });
    assert.equal(event.timestamp, 7);
    assert.equal(got.length, 2);
  });

  test('shared() is one bus until closed', () => {
    const a = EventBus.shared();
    assert.equal(EventBus.shared(), a);
    a.close();
    assert.notEqual(EventBus.shared(), a);
    EventBus.shared().close();
  });

  test('a closed bus rejects waitFor and drops subscriptions', async () => {
    const bus = new EventBus<Bus>();
    bus.subscribe('chat', () => {});
    bus.close();
    assert.equal(bus.subscriptionCount, 0);
    await assert.rejects(bus.waitFor('chat'), { name: 'AbortError' });
  });
});
