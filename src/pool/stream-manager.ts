/**
 * StreamManager: tracks the streams of one session and caps the ones we open. Creation past
 * `maxStreams` open local streams fails at once with StreamError("... stream limit (N)
 * reached") rather than queueing (pywebtransport >= 0.3 semantics). Streams leave the table
 * when they close, so permits come back without a cleanup timer; incoming streams added
 * with add() are tracked but take no permit (v0.5.1 let them release permits they never took).
 */
import { StreamError, type CreateStreamOptions, type WebTransportReceiveStream, type WebTransportSendStream, type WebTransportSession, type WebTransportStream } from '../index.js';

export type ManagedStream = WebTransportStream | WebTransportSendStream | WebTransportReceiveStream;

export interface StreamManagerOptions {
  /** Open streams we may have created at once (default 100). */
  maxStreams?: number;
}

export interface StreamManagerStats {
  active: number;
  localActive: number;
  maxStreams: number;
  created: number;
  added: number;
  closed: number;
  refused: number;
}

type Creatable = Pick<WebTransportSession, 'createBidirectionalStream' | 'createUnidirectionalStream'>;

export class StreamManager implements AsyncDisposable, Iterable<ManagedStream> {
  readonly maxStreams: number;
  readonly #session: Creatable;
  readonly #streams = new Map<number, ManagedStream>();
  #permits = 0;
  #counters = { created: 0, added: 0, closed: 0, refused: 0 };
  #shutdown = false;

  constructor(session: Creatable, options: StreamManagerOptions = {}) {
    this.#session = session;
    this.maxStreams = options.maxStreams ?? 100;
    if (!Number.isInteger(this.maxStreams) || this.maxStreams < 1) throw new RangeError(`maxStreams must be a positive integer, got ${this.maxStreams}`);
  }

  get size(): number {
    return this.#streams.size;
  }

  createBidirectionalStream(options?: CreateStreamOptions): Promise<WebTransportStream> {
    return this.#create(() => this.#session.createBidirectionalStream(options));
  }

  createUnidirectionalStream(options?: CreateStreamOptions): Promise<WebTransportSendStream> {
    return this.#create(() => this.#session.createUnidirectionalStream(options));
  }

  /** Tracks a stream opened elsewhere (typically an incoming one); no limit applies. */
  add(stream: ManagedStream): void {
    if (this.#streams.has(stream.streamId)) return;
    this.#counters.added++;
    this.#track(stream, false);
  }

  get(streamId: number): ManagedStream | undefined {
    return this.#streams.get(streamId);
  }

  has(stream: ManagedStream): boolean {
    return this.#streams.get(stream.streamId) === stream;
  }

  /** A snapshot, so closing streams while iterating is safe. */
  [Symbol.iterator](): Iterator<ManagedStream> {
    return [...this.#streams.values()][Symbol.iterator]();
  }

  stats(): StreamManagerStats {
    return { active: this.#streams.size, localActive: this.#permits, maxStreams: this.maxStreams, ...this.#counters };
  }

  /** Aborts every tracked stream with `code`. */
  async closeAll(code = 0): Promise<void> {
    await Promise.allSettled([...this.#streams.values()].map((s) => s.abort(code)));
  }

  /** No more creations; aborts what is left. */
  async shutdown(code = 0): Promise<void> {
    this.#shutdown = true;
    await this.closeAll(code);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }

  async #create<T extends ManagedStream>(open: () => Promise<T>): Promise<T> {
    if (this.#shutdown) throw new StreamError('Cannot create new stream: the stream manager is shut down.');
    if (this.#permits >= this.maxStreams) {
      this.#counters.refused++;
      throw new StreamError(`Cannot create new stream: stream limit (${this.maxStreams}) reached.`);
    }
    this.#permits++; // taken before the await so concurrent creations respect the limit
    let stream: T;
    try {
      stream = await open();
    } catch (error) {
      this.#permits--;
      throw error;
    }
    this.#counters.created++;
    this.#track(stream, true);
    return stream;
  }

  #track(stream: ManagedStream, permit: boolean): void {
    this.#streams.set(stream.streamId, stream);
    void stream.waitClosed().then(() => {
      if (this.#streams.get(stream.streamId) === stream) this.#streams.delete(stream.streamId);
      if (permit) this.#permits--;
      this.#counters.closed++;
    });
  }
}
