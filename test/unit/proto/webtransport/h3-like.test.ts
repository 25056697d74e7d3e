import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isWtH3Event, type WtH3Like } from '../../../../src/proto/webtransport/h3-like.js';
import type { H3Connection } from '../../../../src/proto/h3/connection.js';
import type { H3Event } from '../../../../src/proto/h3/events.js';
import type { WtH3Event } from '../../../../src/proto/webtransport/h3-like.js';
import { FakeH3 } from './fake-h3.js';

/** Compile-time only: the real H3Connection is a WtH3Like and its events narrow to WtH3Event. */
export function adaptsRealH3(h: H3Connection, ev: H3Event): { like: WtH3Like; ev: WtH3Event | undefined } {
  return { like: h, ev: isWtH3Event(ev) ? ev : undefined };
}

describe('WtH3Like', () => {
  test('isWtH3Event keeps the engine\'s events and drops the others', () => {
    assert.equal(isWtH3Event({ type: 'capsule' }), true);
    assert.equal(isWtH3Event({ type: 'webTransportStream' }), true);
    assert.equal(isWtH3Event({ type: 'data' }), false);
    assert.equal(isWtH3Event({ type: 'trailers' }), false);
    assert.equal(isWtH3Event({ type: 'connectionError' }), false);
  });

  test('the test fake implements the interface', () => {
    const [c]: WtH3Like[] = FakeH3.pair();
    assert.equal(c!.isServer, false);
  });
});
