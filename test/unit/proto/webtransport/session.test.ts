import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WtSession } from '../../../../src/proto/webtransport/session.js';
import { negotiate } from '../../../../src/proto/webtransport/protocol.js';
import { CapsuleType } from '../../../../src/proto/h3/capsule.js';
import { H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { WtErrorCode } from '../../../../src/proto/webtransport/error-codes.js';
import { CHROMIUM_156_SETTINGS } from './fake-h3.js';

const r = negotiate(CHROMIUM_156_SETTINGS, { isServer: true });
if (!r.ok) throw new Error('profile');
const profile = r.profile;
const GONE = WtErrorCode.WT_SESSION_GONE;

function openSession(): WtSession {
  const s = new WtSession(0, false, profile, []);
  assert.equal(s.markOpen(), true);
  s.addStream(1, 'bidi', false);
  s.addStream(2, 'uni', true);
  s.addStream(3, 'uni', false);
  return s;
}

describe('WtSession', () => {
  test('state machine: requested -> open -> draining -> closed', () => {
    const s = new WtSession(4, true, profile, []);
    assert.equal(s.state, 'requested');
    assert.equal(s.isUsable, false);
    assert.equal(s.markDraining(), false);
    assert.equal(s.markOpen(), true);
    assert.equal(s.markOpen(), false);
    assert.equal(s.markDraining(), true);
    assert.equal(s.isUsable, true);
    assert.ok(s.terminate({ kind: 'peerFin' }));
    assert.equal(s.state, 'closed');
    assert.equal(s.terminate({ kind: 'local', code: 1, reason: '' }), undefined, 'second cause is a no-op');
  });

  test('local close: capsule with FIN first, then reset send sides and stop receive sides', () => {
    const s = openSession();
    const plan = s.terminate({ kind: 'local', code: 5, reason: 'r' })!;
    assert.equal(plan[0]!.kind, 'sendCapsule');
    assert.ok(plan[0]!.kind === 'sendCapsule' && plan[0]!.fin && plan[0]!.capsule.type === CapsuleType.CLOSE_WEBTRANSPORT_SESSION);
    assert.deepEqual(plan.slice(1), [
      { kind: 'resetStream', streamId: 1, h3Code: GONE }, { kind: 'stopSending', streamId: 1, h3Code: GONE },
      { kind: 'resetStream', streamId: 2, h3Code: GONE }, { kind: 'stopSending', streamId: 3, h3Code: GONE },
    ]);
    assert.deepEqual(s.closeInfo, { code: 5, reason: 'r', remote: false });
  });

  test('peer capsule or FIN: answer with FIN only; finished streams are left alone', () => {
    const s = openSession();
    s.streams!.get(1)!.sendDone = true;
    const plan = s.terminate({ kind: 'peerCapsule', code: 3, reason: 'x' })!;
    assert.deepEqual(plan, [
      { kind: 'finStream', streamId: 0 }, { kind: 'stopSending', streamId: 1, h3Code: GONE },
      { kind: 'resetStream', streamId: 2, h3Code: GONE }, { kind: 'stopSending', streamId: 3, h3Code: GONE },
    ]);
    assert.deepEqual(s.closeInfo, { code: 3, reason: 'x', remote: true });
  });

  test('peer reset and errors reset the CONNECT stream; connection loss sends nothing', () => {
    const a = openSession();
    assert.deepEqual(a.terminate({ kind: 'peerReset', h3Code: 0x10c })![0], { kind: 'resetStream', streamId: 0, h3Code: GONE });
    const b = openSession();
    const plan = b.terminate({ kind: 'error', h3Code: H3ErrorCode.H3_MESSAGE_ERROR, reason: 'bad' })!;
    assert.deepEqual(plan.slice(0, 2), [
      { kind: 'resetStream', streamId: 0, h3Code: H3ErrorCode.H3_MESSAGE_ERROR }, { kind: 'stopSending', streamId: 0, h3Code: H3ErrorCode.H3_MESSAGE_ERROR },
    ]);
    const c = openSession();
    assert.deepEqual(c.terminate({ kind: 'connectionClosed', reason: 'idle' }), []);
    assert.deepEqual(c.closeInfo, { code: 0, reason: 'idle', remote: true });
  });

  test('closing before the 2xx cancels the request instead of sending a capsule', () => {
    const s = new WtSession(8, true, profile, []);
    assert.deepEqual(s.terminate({ kind: 'local', code: 0, reason: '' }), [{ kind: 'resetStream', streamId: 8, h3Code: H3ErrorCode.H3_REQUEST_CANCELLED }]);
  });
});
