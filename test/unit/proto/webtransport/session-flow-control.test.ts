import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionFlowControl } from '../../../../src/proto/webtransport/session-flow-control.js';
import { H3Error } from '../../../../src/proto/h3/errors.js';
import { WtErrorCode } from '../../../../src/proto/webtransport/error-codes.js';
import type { WtCapsule } from '../../../../src/proto/webtransport/capsules.js';

const ZERO = { initialMaxData: 0, initialMaxStreamsBidi: 0, initialMaxStreamsUni: 0 };

function drain(fc: SessionFlowControl): WtCapsule[] {
  const out: WtCapsule[] = [];
  for (let c = fc.pollCapsule(); c; c = fc.pollCapsule()) out.push(c);
  return out;
}

function isFcError(e: unknown): boolean {
  return e instanceof H3Error && e.code === WtErrorCode.WT_FLOW_CONTROL_ERROR;
}

describe('SessionFlowControl', () => {
  test('disabled: unlimited, no capsules, peer capsules ignored', () => {
    const fc = new SessionFlowControl({ enabled: false, peerInitial: ZERO, localInitial: ZERO });
    assert.equal(fc.canOpenStream('bidi'), true);
    assert.equal(fc.sendCredit, Infinity);
    fc.onDataReceived(1e9);
    fc.onDataConsumed(1e9);
    fc.onPeerStreamOpened('uni');
    fc.onStreamsBlocked('bidi');
    fc.onDataBlocked();
    assert.equal(fc.onPeerCapsule({ kind: 'maxData', maxData: 0 }), undefined);
    assert.deepEqual(drain(fc), []);
  });

  test('initial limit 0 blocks until WT_MAX_DATA / WT_MAX_STREAMS arrive (pywebtransport#7)', () => {
    const fc = new SessionFlowControl({ enabled: true, peerInitial: ZERO, localInitial: { ...ZERO, initialMaxData: 1 } });
    assert.equal(fc.canOpenStream('uni'), false);
    assert.equal(fc.sendCredit, 0);
    fc.onStreamsBlocked('uni');
    fc.onStreamsBlocked('uni'); // once per limit
    fc.onDataBlocked();
    assert.deepEqual(drain(fc), [{ kind: 'streamsBlocked', direction: 'uni', maxStreams: 0 }, { kind: 'dataBlocked', maxData: 0 }]);
    assert.equal(fc.onPeerCapsule({ kind: 'maxStreams', direction: 'uni', maxStreams: 1 }), 'uni');
    assert.equal(fc.canOpenStream('uni'), true);
    fc.onLocalStreamOpened('uni');
    assert.equal(fc.canOpenStream('uni'), false);
    assert.equal(fc.onPeerCapsule({ kind: 'maxData', maxData: 100 }), 'data');
    assert.equal(fc.sendCredit, 100);
    fc.onDataSent(60);
    assert.equal(fc.sendCredit, 40);
    assert.equal(fc.onPeerCapsule({ kind: 'maxData', maxData: 101 }), undefined, 'was not blocked');
  });

  test('limits that do not increase are WT_FLOW_CONTROL_ERROR (WT16 §5.6)', () => {
    const fc = new SessionFlowControl({ enabled: true, peerInitial: { initialMaxData: 10, initialMaxStreamsBidi: 2, initialMaxStreamsUni: 0 }, localInitial: ZERO });
    assert.throws(() => fc.onPeerCapsule({ kind: 'maxData', maxData: 10 }), isFcError);
    assert.throws(() => fc.onPeerCapsule({ kind: 'maxStreams', direction: 'bidi', maxStreams: 1 }), isFcError);
    assert.equal(fc.onPeerCapsule({ kind: 'dataBlocked', maxData: 5 }), undefined);
  });

  test('receive side: our window is announced at once when it exceeds SETTINGS', () => {
    const fc = new SessionFlowControl({ enabled: true, peerInitial: ZERO, localInitial: ZERO, receiveWindow: 1000, incomingStreamsBidi: 4 });
    assert.deepEqual(drain(fc), [{ kind: 'maxData', maxData: 1000 }, { kind: 'maxStreams', direction: 'bidi', maxStreams: 4 }]);
    assert.equal(fc.stats.localMaxData, 1000);
  });

  test('receive side: excess data or streams are errors; credit comes back as data is consumed', () => {
    const fc = new SessionFlowControl({ enabled: true, peerInitial: ZERO, localInitial: { initialMaxData: 100, initialMaxStreamsBidi: 2, initialMaxStreamsUni: 1 } });
    fc.onPeerStreamOpened('bidi');
    fc.onPeerStreamOpened('bidi');
    assert.throws(() => fc.onPeerStreamOpened('bidi'), isFcError);
    fc.onDataReceived(40);
    fc.onDataConsumed(40);
    assert.deepEqual(drain(fc), [], 'below half the window');
    fc.onDataReceived(20);
    fc.onDataConsumed(20);
    assert.deepEqual(drain(fc), [{ kind: 'maxData', maxData: 160 }]);
    fc.onDataReceived(100);
    assert.throws(() => fc.onDataReceived(1), isFcError);
    fc.onPeerStreamClosed('bidi');
    assert.deepEqual(drain(fc), [{ kind: 'maxStreams', direction: 'bidi', maxStreams: 3 }]);
  });
});
