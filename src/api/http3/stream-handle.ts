/**
 * One HTTP/3 request stream as the async API sees it, for both roles: the received message
 * (headers, body, trailers) and the sending side with backpressure. The connection host feeds it
 * H3 events; writes go to H3Connection and wait for 'streamWritable' when QUIC is full.
 */
import type { H3Connection } from '../../proto/h3/connection.js';
import type { HeaderList } from '../../proto/h3/header-validation.js';
import type { Header } from '../../proto/h3/qpack/index.js';
import { Http3StreamError } from './errors.js';
import { IncomingBody } from './incoming-body.js';

/** What a stream needs from its connection host. */
export interface StreamHost {
  readonly h3: H3Connection;
  /** Schedules a driver flush (after any command). */
  wake(): void;
  /** The stream is finished both ways: forget it. */
  release(id: number): void;
}

export class StreamHandle {
  readonly id: number;
  readonly body: IncomingBody;
  /** Trailers received after the body, if any. */
  trailers: Header[] | undefined;
  readonly #host: StreamHost;
  #sendError: Error | undefined;
  #writeWaiter: { resolve: () => void; reject: (e: Error) => void } | undefined;
  #sendDone = false;
  #released = false;
  /** Client: the response headers (final, not 1xx) arrive here. */
  onResponseHeaders: ((headers: Header[], status: number) => void) | undefined;
  /** Client: the exchange failed before response headers came. */
  onFailure: ((error: Error) => void) | undefined;

  constructor(host: StreamHost, id: number) {
    this.#host = host;
    this.id = id;
    this.body = new IncomingBody({
      read: (max) => {
        const r = host.h3.readData(id, max);
        // Reading may grant flow-control credit (MAX_STREAM_DATA): let the driver send it.
        if (r !== undefined) host.wake();
        return r;
      },
    });
  }

  get sendFinished(): boolean {
    return this.#sendDone;
  }

  // ---- sending

  /** Sends response headers (server). */
  sendResponse(headers: HeaderList, endStream: boolean): void {
    this.#assertSendable();
    this.#host.h3.sendResponse(this.id, headers, endStream);
    if (endStream) this.#markSendDone();
    this.#host.wake();
  }

  /** Sends body bytes; resolves once QUIC accepted all of them (backpressure). */
  async write(data: Uint8Array, end = false): Promise<void> {
    this.#assertSendable();
    const h3 = this.#host.h3;
    if (data.length === 0) {
      if (end) this.end();
      return;
    }
    let rest = data;
    for (;;) {
      const n = h3.sendData(this.id, rest, end);
      this.#host.wake();
      if (n === rest.length) break;
      rest = rest.subarray(n);
      await this.#waitWritable();
    }
    if (end) this.#markSendDone();
  }

  /** Ends the body (FIN), with trailers when given. */
  end(trailers?: HeaderList): void {
    if (this.#sendDone) return;
    this.#assertSendable();
    if (trailers !== undefined && trailers.length > 0) this.#host.h3.sendTrailers(this.id, trailers);
    else this.#host.h3.endStream(this.id);
    this.#markSendDone();
    this.#host.wake();
  }

  /** Resets our sending side and stops the peer's (both with `code`). */
  abort(code: number): void {
    const error = new Http3StreamError('aborted', code, 'aborted locally');
    if (!this.#sendDone) this.#host.h3.resetStream(this.id, code);
    if (!this.body.complete) this.#host.h3.stopSending(this.id, code);
    this.#host.wake();
    this.failSend(error);
    this.failReceive(error);
  }

  #assertSendable(): void {
    if (this.#sendError !== undefined) throw this.#sendError;
    if (this.#sendDone) throw new Http3StreamError('aborted', 0x0102, 'the stream was already ended');
  }

  #waitWritable(): Promise<void> {
    if (this.#sendError !== undefined) return Promise.reject(this.#sendError);
    return new Promise((resolve, reject) => { this.#writeWaiter = { resolve, reject }; });
  }

  #markSendDone(): void {
    this.#sendDone = true;
    this.#maybeRelease();
  }

  // ---- events from the host

  onWritable(): void {
    const w = this.#writeWaiter;
    this.#writeWaiter = undefined;
    w?.resolve();
  }

  onData(): void {
    this.body.notify();
  }

  onFinished(): void {
    this.body.finish();
    this.#maybeRelease();
  }

  failSend(error: Error): void {
    if (this.#sendError === undefined && !this.#sendDone) this.#sendError = error;
    const w = this.#writeWaiter;
    this.#writeWaiter = undefined;
    w?.reject(error);
    this.#sendDone = true;
    this.#maybeRelease();
  }

  failReceive(error: Error): void {
    this.body.fail(error);
    const f = this.onFailure;
    this.onFailure = undefined;
    this.onResponseHeaders = undefined;
    f?.(error);
    this.#maybeRelease();
  }

  #maybeRelease(): void {
    if (this.#released || !this.#sendDone || !this.body.complete) return;
    this.#released = true;
    this.#host.release(this.id);
  }

  /** Server, after a complete response: stop the peer's body nobody will read (RFC 9114 §4.1.1). */
  stopReceiving(code: number): void {
    if (this.body.complete) return;
    this.#host.h3.stopSending(this.id, code);
    this.#host.wake();
    this.failReceive(new Http3StreamError('aborted', code, 'response complete; request body not read'));
  }
}
