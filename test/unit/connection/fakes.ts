/** Fake sessions, clients and connection handles for the connection toolkit tests. */
import type { SessionCloseInfo, WebTransportConnectOptions, WebTransportSession } from '../../../src/index.js';
import type { ConnectionHandle, ConnectionState } from '../../../src/connection/index.js';

export interface FakeSession {
  readonly url: string;
  isClosed: boolean;
  closed: Promise<SessionCloseInfo>;
  closeInfo: SessionCloseInfo | undefined;
  close(options?: { code?: number; reason?: string }): Promise<SessionCloseInfo>;
  /** The peer closes it. */
  kill(): void;
}

export function fakeSession(url = 'https://localhost:4433/'): FakeSession {
  let finish!: (info: SessionCloseInfo) => void;
  const closed = new Promise<SessionCloseInfo>((r) => { finish = r; });
  const end = (info: SessionCloseInfo): void => {
    if (s.isClosed) return;
    s.isClosed = true;
    s.closeInfo = info;
    finish(info);
  };
  const s: FakeSession = {
    url,
    isClosed: false,
    closed,
    closeInfo: undefined,
    close(o = {}) { end({ code: o.code ?? 0, reason: o.reason ?? '', remote: false }); return closed; },
    kill() { end({ code: 0, reason: 'peer', remote: true }); },
  };
  return s;
}

export const asSession = (s: FakeSession): WebTransportSession => s as unknown as WebTransportSession;
export const asFake = (s: WebTransportSession): FakeSession => s as unknown as FakeSession;

/** A client whose connects succeed unless the URL contains "fail"; advances `time.now` by `delayMs`. */
export function fakeClient(time: { now: number }, delayMs = 5): {
  client: { connect(url: string, o?: WebTransportConnectOptions): Promise<WebTransportSession>; close(): Promise<void> };
  sessions: FakeSession[];
  closed: boolean;
  lastOptions: WebTransportConnectOptions | undefined;
} {
  const state = {
    sessions: [] as FakeSession[],
    closed: false,
    lastOptions: undefined as WebTransportConnectOptions | undefined,
    client: {
      connect: async (url: string, o?: WebTransportConnectOptions): Promise<WebTransportSession> => {
        state.lastOptions = o;
        time.now += delayMs;
        if (url.includes('fail')) throw new Error(`refused ${url}`);
        const s = fakeSession(url);
        state.sessions.push(s);
        return asSession(s);
      },
      close: async (): Promise<void> => { state.closed = true; },
    },
  };
  return state;
}

let nextId = 0;

/** A connection handle with a settable RTT; close() resolves `closed`. */
export class FakeConnection implements ConnectionHandle {
  readonly id = `fake_${nextId++}`;
  readonly origin: string;
  readonly closed: Promise<void>;
  readonly url: string;
  connectRttMs: number;
  sessionCount = 0;
  lastActivityMs: number;
  state: ConnectionState = 'connected';
  closeReason: string | undefined;
  #resolve!: () => void;

  constructor(url: string, rttMs = 10, now = 0) {
    this.url = url;
    this.origin = new URL(url).origin;
    this.connectRttMs = rttMs;
    this.lastActivityMs = now;
    this.closed = new Promise((r) => { this.#resolve = r; });
  }

  get isClosed(): boolean {
    return this.state !== 'connected';
  }

  async openSession(): Promise<WebTransportSession> {
    this.sessionCount++;
    return asSession(fakeSession(this.url));
  }

  async close(options: { reason?: string } = {}): Promise<void> {
    if (this.state === 'closed') return;
    this.closeReason = options.reason;
    this.state = 'closed';
    this.#resolve();
  }
}

/** An opener making FakeConnections; URLs listed in `failing` throw. */
export function fakeOpener(rtts: Record<string, number> = {}): {
  opener: (url: string, signal: AbortSignal) => Promise<ConnectionHandle>;
  made: FakeConnection[];
  calls: string[];
  failing: Set<string>;
} {
  const state = {
    made: [] as FakeConnection[],
    calls: [] as string[],
    failing: new Set<string>(),
    opener: async (url: string, signal: AbortSignal): Promise<ConnectionHandle> => {
      signal.throwIfAborted();
      state.calls.push(url);
      await Promise.resolve();
      if (state.failing.has(url)) throw new Error(`refused ${url}`);
      const c = new FakeConnection(url, rtts[url] ?? 10);
      state.made.push(c);
      return c;
    },
  };
  return state;
}

export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
