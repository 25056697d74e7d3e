import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PENDING_LIMITS, PendingBuffer } from '../../../../src/proto/webtransport/pending-streams.js';
describe('PendingBuffer', () => {
    test('buffers streams up to the count limit, then rejects', () => {
        const p = new PendingBuffer({ maxStreams: 2 });
        assert.equal(p.addStream(0, 0, 2, 'uni'), 'buffered');
        assert.equal(p.addStream(0, 4, 6, 'uni'), 'buffered');
        assert.equal(p.addStream(0, 0, 10, 'uni'), 'rejected');
        assert.equal(p.streamCount, 2);
        assert.equal(p.rejectedStreams, 1);
    });
    test('delivers a session\'s streams and datagrams in arrival order, leaving others', () => {
        const p = new PendingBuffer();
        p.addStream(1, 0, 2, 'uni');
        p.addStream(2, 4, 3, 'uni');
        p.addStream(3, 0, 1, 'bidi');
        p.addDatagram(1, 0, new Uint8Array([1]));
        p.addDatagram(2, 4, new Uint8Array([2, 2]));
        p.addDatagram(3, 0, new Uint8Array([3]));
        const got = p.takeSession(0);
        assert.deepEqual(got.streams.map((s) => s.streamId), [2, 1]);
        assert.deepEqual(got.datagrams.map((d) => d[0]), [1, 3]);
        assert.equal(p.streamCount, 1);
        assert.equal(p.datagramCount, 1);
        assert.equal(p.bufferedDatagramBytes, 2);
    });
    test('datagram count and byte limits drop the oldest', () => {
        const p = new PendingBuffer({ maxDatagrams: 2, maxDatagramBytes: 10 });
        p.addDatagram(0, 0, new Uint8Array(4).fill(1));
        p.addDatagram(0, 0, new Uint8Array(4).fill(2));
        p.addDatagram(0, 0, new Uint8Array(4).fill(3));
        assert.equal(p.datagramCount, 2);
        p.addDatagram(0, 0, new Uint8Array(9).fill(4));
        assert.equal(p.datagramCount, 1);
        assert.equal(p.bufferedDatagramBytes, 9);
        assert.equal(p.addDatagram(0, 0, new Uint8Array(11)), false, 'larger than the whole budget');
        assert.deepEqual(p.takeSession(0).datagrams.map((d) => d[0]), [4]);
        assert.equal(p.droppedDatagrams, 4);
    });
    test('expiry by age, with the next deadline', () => {
        const p = new PendingBuffer({ maxAge: 100 });
        assert.equal(p.nextDeadline(), undefined);
        p.addStream(10, 0, 2, 'uni');
        p.addDatagram(20, 0, new Uint8Array(1));
        p.addStream(50, 0, 6, 'uni');
        assert.equal(p.nextDeadline(), 110);
        assert.deepEqual(p.expire(109), []);
        assert.deepEqual(p.expire(110).map((s) => s.streamId), [2]);
        assert.equal(p.nextDeadline(), 120);
        p.expire(120);
        assert.equal(p.datagramCount, 0);
        assert.equal(p.nextDeadline(), 150);
    });
    test('closed sessions are remembered (bounded) and refuse later arrivals', () => {
        const p = new PendingBuffer({ recentlyClosed: 2 });
        p.addStream(0, 8, 2, 'uni');
        assert.deepEqual(p.closeSession(8).map((s) => s.streamId), [2]);
        assert.equal(p.addStream(0, 8, 6, 'uni'), 'sessionGone');
        assert.equal(p.addDatagram(0, 8, new Uint8Array(1)), false);
        p.markClosed(12);
        p.markClosed(16);
        assert.equal(p.isRecentlyClosed(8), false, 'oldest forgotten');
        assert.equal(p.isRecentlyClosed(16), true);
    });
    test('removeStream forgets a stream reset while buffered', () => {
        const p = new PendingBuffer();
        p.addStream(0, 0, 2, 'uni');
        assert.equal(p.hasStream(2), true);
        assert.equal(p.removeStream(2), true);
        assert.equal(p.takeSession(0).streams.length, 0);
        assert.equal(DEFAULT_PENDING_LIMITS.maxStreams, 24);
    });
});
//# sourceMappingURL=pending-streams.test.js.map