/** Fake streams and a fake session that opens them, for StreamManager / StreamPool tests. */
import type { WebTransportSession, WebTransportStream } from '../../../src/index.js';

export interface FakeStream {
  readonly streamId: number;
  isReadable: boolean;
  isWritable: boolean;
  isClosed: boolean;
  aborted: number[];
  waitClosed(): Promise<void>;
  abort(code?: number): Promise<void>;
  /** The peer finished both directions. */
  finish(): void;
}

export function fakeStream(streamId: number): FakeStream {
  let done!: () => void;
  const closed = new Promise<void>((r) => { done = r; });
  const s: FakeStream = {
    streamId, isReadable: true, isWritable: true, isClosed: false, aborted: [],
    waitClosed: () => closed,
    abort(code = 0) {
      s.aborted.push(code);
      s.finish();
      return Promise.resolve();
    },
    finish() {
      s.isReadable = false;
      s.isWritable = false;
      s.isClosed = true;
      done();
    },
  };
  return s;
}

export interface FakeStreamSession {
  opened: FakeStream[];
  failNext: number;
  session: Pick<WebTransportSession, 'createBidirectionalStream' | 'createUnidirectionalStream'>;
}

export function fakeStreamSession(): FakeStreamSession {
  let id = 0;
  const state: FakeStreamSession = {
    opened: [],
    failNext: 0,
    session: {
      createBidirectionalStream: async () => open(),
      createUnidirectionalStream: async () => open() as never,
    },
  };
  const open = async (): Promise<WebTransportStream> => {
    await Promise.resolve();
    if (state.failNext > 0) {
      state.failNext--;
      throw new Error('cannot open');
    }
    const s = fakeStream(id);
    id += 4;
    state.opened.push(s);
    return s as unknown as WebTransportStream;
  };
  return state;
}

export const asStream = (s: FakeStream): WebTransportStream => s as unknown as WebTransportStream;
export const asFakeStream = (s: unknown): FakeStream => s as FakeStream;
