/**
 * WebTransportStream: a bidirectional stream, everything of WebTransportReceiveStream plus the
 * send half of WebTransportSendStream (seed stream API). close() ends only the sending side;
 * abort(code) resets the sending side and stops the receiving side.
 */
import { DEFAULT_CHUNK_SIZE } from './constants.js';
import { WebTransportReceiveStream } from './receive-stream.js';
import { closeSide, SendSide, writeAllTo, type StreamData, type WriteOptions } from './send-stream.js';
import { StreamDirection, type SideState, type StreamInit } from './streams.js';

export class WebTransportStream extends WebTransportReceiveStream {
  readonly #send: SendSide;

  /** @internal */
  constructor(key: symbol, init: StreamInit) {
    super(key, init);
    this.#send = new SendSide(init.streamId, init.ops, init.settings, this.stats, () => this.updateFinished());
  }

  override get direction(): StreamDirection {
    return StreamDirection.BIDIRECTIONAL;
  }

  /** @internal */
  get sendSide(): SendSide {
    return this.#send;
  }

  protected override get sendState(): SideState | undefined {
    return this.#send.state;
  }

  get isWritable(): boolean {
    return this.#send.isWritable;
  }

  write(data: StreamData, options: WriteOptions = {}): Promise<void> {
    return this.#send.write(data, options);
  }

  writeAll(data: StreamData, options: { chunkSize?: number } = {}): Promise<void> {
    return writeAllTo(this.#send, data, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  }

  flush(): Promise<void> {
    return this.#send.flush();
  }

  /** Graceful close of the sending side (FIN); reading goes on. */
  close(): Promise<void> {
    return closeSide(this.#send);
  }

  /** Abrupt close of both sides: RESET_STREAM and STOP_SENDING with `code`. */
  override abort(code = 0): Promise<void> {
    this.#send.abort(code);
    this.receiveSide.abort(code);
    return Promise.resolve();
  }

  /** RESET_STREAM only (our sending side). */
  reset(code = 0): Promise<void> {
    this.#send.abort(code);
    return Promise.resolve();
  }

  /** STOP_SENDING only (the peer's sending side). */
  override stopReceiving(code = 0): Promise<void> {
    this.receiveSide.abort(code);
    return Promise.resolve();
  }

  /** Disposal: FIN if still writable, stop reading if still readable. */
  override async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
    if (this.isReadable) this.receiveSide.abort(0);
  }
}
