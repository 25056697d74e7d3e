import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CidManager, type ConnectionIdIssuer } from '../../../../../src/proto/quic/connection/cid-manager.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
import type { NewConnectionIdFrame } from '../../../../../src/proto/quic/wire/frames.js';

const cid = (n: number): Uint8Array => new Uint8Array(8).fill(n);
const token = (n: number): Uint8Array => new Uint8Array(16).fill(0x80 + n);

function issuer(): ConnectionIdIssuer & { count: number } {
  const i = { count: 0, issue: () => { i.count++; return { cid: cid(100 + i.count), resetToken: token(i.count) }; } };
  return i;
}

function ncid(seq: number, retirePriorTo = 0): NewConnectionIdFrame {
  return { type: 'newConnectionId', sequenceNumber: seq, retirePriorTo, connectionId: cid(seq), statelessResetToken: token(seq) };
}

function throwsCode(fn: () => void, code: number): void {
  assert.throws(fn, (e: unknown) => e instanceof TransportError && e.code === code);
}

describe('CidManager: CIDs we issue', () => {
  test('topUp issues up to the peer limit (capped at 8) with sequence numbers from 1', () => {
    const m = new CidManager(cid(1), cid(2), 4, issuer());
    m.setPeerLimit(3);
    m.topUp();
    assert.deepEqual(m.pendingNew.map((f) => f.sequenceNumber), [1, 2]);
    assert.deepEqual(m.localSequenceNumbers(), [0, 1, 2]);
    assert.equal(m.routing.filter((r) => r.type === 'add').length, 2);
    const big = new CidManager(cid(1), cid(2), 4, issuer());
    big.setPeerLimit(1000);
    big.topUp();
    assert.equal(big.allLocal().length, 8);
  });

  test('the CIDs issued together stay routable and recognised after packing', () => {
    const m = new CidManager(cid(1), cid(2), 4, issuer());
    m.setPeerLimit(4);
    m.topUp();
    const added = m.routing.filter((r) => r.type === 'add').map((r) => r.cid);
    assert.deepEqual(added, [cid(101), cid(102), cid(103)]);
    for (const c of added) assert.ok(m.isLocal(c));
    assert.deepEqual(m.allLocal(), [cid(1), cid(101), cid(102), cid(103)]);
    assert.ok(!m.isLocal(cid(104)));
  });

  test('RETIRE_CONNECTION_ID removes the route and issues a replacement', () => {
    const m = new CidManager(cid(1), cid(2), 4, issuer());
    m.setPeerLimit(2);
    m.topUp();
    m.routing.splice(0);
    m.onRetireConnectionId({ type: 'retireConnectionId', sequenceNumber: 0 }, cid(101));
    assert.deepEqual(m.localSequenceNumbers(), [1, 2]);
    assert.deepEqual(m.routing.map((r) => r.type), ['remove', 'add']);
    assert.ok(!m.isLocal(cid(1)));
    m.onRetireConnectionId({ type: 'retireConnectionId', sequenceNumber: 0 }, cid(101)); // repeated: ignored
    assert.deepEqual(m.localSequenceNumbers(), [1, 2]);
  });

  test('retiring a never-issued CID, or the one the packet was sent to, is a PROTOCOL_VIOLATION', () => {
    const m = new CidManager(cid(1), cid(2), 4, issuer());
    m.setPeerLimit(2);
    m.topUp();
    throwsCode(() => m.onRetireConnectionId({ type: 'retireConnectionId', sequenceNumber: 2 }, cid(1)), TransportErrorCode.PROTOCOL_VIOLATION);
    throwsCode(() => m.onRetireConnectionId({ type: 'retireConnectionId', sequenceNumber: 0 }, cid(1)), TransportErrorCode.PROTOCOL_VIOLATION);
  });
});

describe('CidManager: CIDs the peer issued', () => {
  test('accepts up to our limit; one more is CONNECTION_ID_LIMIT_ERROR', () => {
    const m = new CidManager(cid(1), cid(2), 3);
    m.onNewConnectionId(ncid(1));
    m.onNewConnectionId(ncid(2));
    m.onNewConnectionId(ncid(2)); // a repeat is harmless
    assert.equal(m.remoteCount, 3);
    throwsCode(() => m.onNewConnectionId(ncid(3)), TransportErrorCode.CONNECTION_ID_LIMIT_ERROR);
  });

  test('a sequence number reused for another CID is a PROTOCOL_VIOLATION', () => {
    const m = new CidManager(cid(1), cid(2), 4);
    m.onNewConnectionId(ncid(1));
    throwsCode(() => m.onNewConnectionId({ ...ncid(1), connectionId: cid(77) }), TransportErrorCode.PROTOCOL_VIOLATION);
  });

  test('NEW_CONNECTION_ID towards a zero-length CID peer is a PROTOCOL_VIOLATION', () => {
    const m = new CidManager(cid(1), new Uint8Array(0), 4);
    throwsCode(() => m.onNewConnectionId(ncid(1)), TransportErrorCode.PROTOCOL_VIOLATION);
  });

  test('retire_prior_to retires older CIDs, moves the active one, and counts after retiring', () => {
    const m = new CidManager(cid(1), cid(2), 2);
    m.onNewConnectionId(ncid(1));
    // Seq 2 with retire_prior_to 2 retires 0 and 1: only one active CID remains, within the limit of 2.
    m.onNewConnectionId(ncid(2, 2));
    assert.deepEqual(m.pendingRetire.map((f) => f.sequenceNumber).sort(), [0, 1]);
    assert.deepEqual(m.activeRemote, cid(2));
    assert.equal(m.remoteCount, 1);
    // A late CID below retire_prior_to is retired right away.
    m.onNewConnectionId(ncid(1));
    assert.deepEqual(m.pendingRetire.map((f) => f.sequenceNumber).sort(), [0, 1, 1]);
    assert.equal(m.remoteCount, 1);
  });

  test('switchToNextRemote uses the next CID and retires the old one', () => {
    const m = new CidManager(cid(1), cid(2), 4);
    assert.equal(m.switchToNextRemote(), false, 'no spare CID');
    m.onNewConnectionId(ncid(3));
    m.onNewConnectionId(ncid(1));
    assert.ok(m.switchToNextRemote());
    assert.deepEqual(m.activeRemote, cid(1));
    assert.deepEqual(m.pendingRetire.map((f) => f.sequenceNumber), [0]);
    assert.ok(m.switchToNextRemote());
    assert.deepEqual(m.activeRemote, cid(3));
    assert.equal(m.remoteCount, 1);
  });

  test('stateless reset: the trailing 16 bytes must match a token of the peer', () => {
    const m = new CidManager(cid(1), cid(2), 4);
    const datagram = new Uint8Array(40);
    datagram.set(token(0), 24);
    assert.ok(!m.isStatelessReset(datagram), 'no token known yet');
    m.setInitialRemoteResetToken(token(0));
    assert.ok(m.isStatelessReset(datagram));
    m.onNewConnectionId(ncid(1));
    datagram.set(token(1), 24);
    assert.ok(m.isStatelessReset(datagram));
    assert.ok(!m.isStatelessReset(datagram.subarray(20)), 'too short to be a reset');
  });

  test('CID 0 keeps its reset token when the server names its CID, and the CID when the token comes', () => {
    const m = new CidManager(cid(1), cid(2), 4);
    const datagram = new Uint8Array(40);
    datagram.set(token(0), 24);
    m.setInitialRemoteResetToken(token(0));
    m.setInitialRemote(cid(9));
    assert.deepEqual(m.activeRemote, cid(9));
    assert.ok(m.isStatelessReset(datagram));
    const late = new CidManager(cid(1), cid(2), 4);
    late.setInitialRemote(cid(9));
    late.setInitialRemoteResetToken(token(0));
    assert.deepEqual(late.activeRemote, cid(9));
    assert.ok(late.isStatelessReset(datagram));
  });

  test('a remote CID is a copy: the bytes of the frame may be reused', () => {
    const m = new CidManager(cid(1), cid(2), 4);
    const f = ncid(1);
    m.onNewConnectionId(f);
    f.connectionId.fill(0);
    f.statelessResetToken.fill(0);
    const datagram = new Uint8Array(40);
    datagram.set(token(1), 24);
    assert.ok(m.isStatelessReset(datagram));
    assert.ok(m.switchToNextRemote());
    assert.deepEqual(m.activeRemote, cid(1));
  });

  test('lost NEW_CONNECTION_ID is resent only while the CID is still ours', () => {
    const m = new CidManager(cid(1), cid(2), 4, issuer());
    m.setPeerLimit(2);
    m.topUp();
    const f = m.pendingNew.shift()!;
    m.onNewConnectionIdLost(f);
    assert.equal(m.pendingNew.length, 1);
    m.pendingNew.splice(0);
    m.onRetireConnectionId({ type: 'retireConnectionId', sequenceNumber: f.sequenceNumber }, cid(1));
    m.pendingNew.splice(0);
    m.onNewConnectionIdLost(f);
    assert.equal(m.pendingNew.length, 0);
  });
});
