/** Fake sessions and connectors for pool unit tests. */
import type { SessionCloseInfo, WebTransportSession } from '../../../src/index.js';

export interface FakeSession {
  readonly id: number;
  isReady: boolean;
  isClosed: boolean;
  closed: Promise<SessionCloseInfo>;
  close(options?: { code?: number; reason?: string }): Promise<SessionCloseInfo>;
  /** The peer closes it. */
  kill(code?: number): void;
}

let nextId = 0;

export function fakeSession(): FakeSession {
  let finish!: (info: SessionCloseInfo) => void;
  const closed = new Promise<SessionCloseInfo>((r) => { finish = r; });
  const end = (info: SessionCloseInfo): void => {
    if (s.isClosed) return;
    s.isClosed = true;
    s.isReady = false;
    finish(info);
  };
  const s: FakeSession = {
    id: nextId++,
    isReady: true,
    isClosed: false,
    closed,
    close(options = {}) {
      end({ code: options.code ?? 0, reason: options.reason ?? '', remote: false });
      return closed;
    },
    kill(code = 0) {
      end({ code, reason: 'peer', remote: true });
    },
  };
  return s;
}

export const asSession = (s: FakeSession): WebTransportSession => s as unknown as WebTransportSession;
export const asFake = (s: WebTransportSession): FakeSession => s as unknown as FakeSession;

/** A connector whose attempts follow a script: 'ok' or an Error to throw. */
export function scriptedConnector(script: Array<'ok' | Error>): {
  connector: (url: string, signal: AbortSignal) => Promise<WebTransportSession>;
  made: FakeSession[];
  calls: number;
} {
  const state = {
    made: [] as FakeSession[],
    calls: 0,
    connector: async (_url: string, signal: AbortSignal): Promise<WebTransportSession> => {
      signal.throwIfAborted();
      const step = script[state.calls++] ?? 'ok';
      if (step instanceof Error) throw step;
      const s = fakeSession();
      state.made.push(s);
      return asSession(s);
    },
  };
  return state;
}

export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
