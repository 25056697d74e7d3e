/**
 * An in-memory pair of WtH3Like endpoints: each command on one side becomes the H3 event the
 * real H3Connection would emit on the other. Events wait in `inbox` until the test pumps them,
 * so tests can reorder arrivals (a stream before its CONNECT, a stream before the 2xx).
 */
import type { WtH3Event, WtH3Like, WtHeaderList } from '../../../../src/proto/webtransport/h3-like.js';
import { H3SettingId } from '../../../../src/proto/h3/settings.js';

export type FakeLogEntry =
  | { op: 'request'; streamId: number; headers: WtHeaderList }
  | { op: 'response'; streamId: number; headers: WtHeaderList; end: boolean }
  | { op: 'capsule'; streamId: number; type: number; value: Uint8Array; end: boolean }
  | { op: 'end'; streamId: number }
  | { op: 'reset'; streamId: number; code: number }
  | { op: 'stop'; streamId: number; code: number }
  | { op: 'open'; streamId: number; sessionId: number; direction: 'bidi' | 'uni' }
  | { op: 'datagram'; streamId: number; payload: Uint8Array };

interface Inbound {
  chunks: Uint8Array[];
  fin: boolean;
}

export class FakeH3 implements WtH3Like {
  readonly isServer: boolean;
  peer!: FakeH3;
  readonly inbox: WtH3Event[] = [];
  readonly log: FakeLogEntry[] = [];
  private nextBidi: number;
  private nextUni: number;
  /** QUIC stream limits for streams we open (remaining count). */
  bidiCredit = 1000;
  uniCredit = 1000;
  private readonly inbound = new Map<number, Inbound>();

  constructor(isServer: boolean) {
    this.isServer = isServer;
    this.nextBidi = isServer ? 1 : 0;
    this.nextUni = isServer ? 3 : 2;
  }

  static pair(): [client: FakeH3, server: FakeH3] {
    const c = new FakeH3(false);
    const s = new FakeH3(true);
    c.peer = s;
    s.peer = c;
    return [c, s];
  }

  /** Delivers `raw` as the SETTINGS this side receives from its peer. */
  receiveSettings(raw: ReadonlyMap<number, number>): void {
    this.inbox.push({ type: 'settings', settings: { raw } });
  }

  sendRequest(headers: WtHeaderList): number | undefined {
    if (this.bidiCredit <= 0) return undefined;
    this.bidiCredit--;
    const id = this.allocBidi();
    this.log.push({ op: 'request', streamId: id, headers });
    const protocol = headers.find(([n]) => n === ':protocol')?.[1];
    this.peer.inbox.push({ type: 'headers', streamId: id, headers, endStream: false, method: 'CONNECT', protocol, isExtendedConnect: protocol !== undefined });
    return id;
  }

  sendResponse(streamId: number, headers: WtHeaderList, endStream = false): void {
    this.log.push({ op: 'response', streamId, headers, end: endStream });
    const status = Number(headers.find(([n]) => n === ':status')?.[1]);
    this.peer.inbox.push({ type: 'headers', streamId, headers, endStream, status, isExtendedConnect: false });
    if (endStream) this.peer.inbox.push({ type: 'requestFinished', streamId });
  }

  sendCapsule(streamId: number, type: number, value: Uint8Array, endStream = false): void {
    this.log.push({ op: 'capsule', streamId, type, value, end: endStream });
    this.peer.inbox.push({ type: 'capsule', streamId, capsuleType: type, value });
    if (endStream) this.peer.inbox.push({ type: 'requestFinished', streamId });
  }

  endStream(streamId: number): void {
    this.log.push({ op: 'end', streamId });
    this.peer.inbox.push({ type: 'requestFinished', streamId });
  }

  sendHttpDatagram(streamId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed' {
    if (payload.length > 1200) return 'too-large';
    this.log.push({ op: 'datagram', streamId, payload });
    this.peer.inbox.push({ type: 'httpDatagram', streamId, payload: payload.slice() });
    return 'queued';
  }

  maxHttpDatagramSize(): number {
    return 1200;
  }

  openWebTransportStream(sessionId: number, direction: 'bidi' | 'uni'): number | undefined {
    const credit = direction === 'bidi' ? this.bidiCredit : this.uniCredit;
    if (credit <= 0) return undefined;
    if (direction === 'bidi') this.bidiCredit--;
    else this.uniCredit--;
    const id = direction === 'bidi' ? this.allocBidi() : this.allocUni();
    this.log.push({ op: 'open', streamId: id, sessionId, direction });
    this.peer.inbox.push({ type: 'webTransportStream', sessionId, streamId: id, direction });
    if (direction === 'bidi') this.inbound.set(id, { chunks: [], fin: false });
    return id;
  }

  readRaw(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined {
    const s = this.inbound.get(streamId);
    if (s === undefined) return undefined;
    const head = s.chunks[0];
    if (head === undefined) return s.fin ? { data: new Uint8Array(0), fin: true } : undefined;
    let data = head;
    if (head.length > maxBytes) {
      data = head.subarray(0, maxBytes);
      s.chunks[0] = head.subarray(maxBytes);
    } else {
      s.chunks.shift();
    }
    return { data, fin: s.fin && s.chunks.length === 0 };
  }

  writeRaw(streamId: number, data: Uint8Array, fin = false): number {
    let s = this.peer.inbound.get(streamId);
    if (s === undefined) {
      s = { chunks: [], fin: false };
      this.peer.inbound.set(streamId, s);
    }
    if (data.length > 0) s.chunks.push(data.slice());
    if (fin) s.fin = true;
    this.peer.inbox.push({ type: 'rawReadable', streamId });
    return data.length;
  }

  resetStream(streamId: number, code: number): void {
    this.log.push({ op: 'reset', streamId, code });
    this.peer.inbox.push({ type: 'streamReset', streamId, code: BigInt(code) });
  }

  stopSending(streamId: number, code: number): void {
    this.log.push({ op: 'stop', streamId, code });
    this.peer.inbox.push({ type: 'streamStopped', streamId, code: BigInt(code) });
  }

  /** Registers an inbound stream the peer opened (so readRaw works before any data). */
  ensureInbound(streamId: number): void {
    if (!this.inbound.has(streamId)) this.inbound.set(streamId, { chunks: [], fin: false });
  }

  private allocBidi(): number {
    const id = this.nextBidi;
    this.nextBidi += 4;
    return id;
  }

  private allocUni(): number {
    const id = this.nextUni;
    this.nextUni += 4;
    return id;
  }
}

/** SETTINGS maps of real peers (webtransport-protocol.md §C.3, §C.7). */
export const CHROMIUM_156_SETTINGS: ReadonlyMap<number, number> = new Map([
  [H3SettingId.SETTINGS_QPACK_MAX_TABLE_CAPACITY, 65536],
  [H3SettingId.SETTINGS_MAX_FIELD_SECTION_SIZE, 16384],
  [H3SettingId.SETTINGS_QPACK_BLOCKED_STREAMS, 100],
  [H3SettingId.SETTINGS_H3_DATAGRAM, 1],
  [H3SettingId.SETTINGS_H3_DATAGRAM_DRAFT04, 1],
  [H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 1],
]);
