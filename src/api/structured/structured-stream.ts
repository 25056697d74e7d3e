/**
 * StructuredStream: typed messages over one WebTransport stream, framed as pywebtransport does
 * (`u16 typeId | u32 length | payload`, big-endian), with the `maxMessageSize` bound added in
 * pywebtransport 0.8.
 *
 * Receiving: an unknown type id or a payload the serializer rejects is a SerializationError; the
 * message is consumed, so the next receive() continues with the next one. A length above
 * maxMessageSize or a stream ending inside a message is a ProtocolError: framing is lost, so
 * reading stops (STOP_SENDING with `protocolErrorCode`) and every later receive() fails the same.
 * An oversized length is refused from the header alone, before any of its payload is buffered.
 */
import { IncompleteReadError, invalidConfig, ProtocolError, SerializationError, StreamError } from '../errors.js';
import type { WebTransportStream } from '../bidirectional-stream.js';
import type { WebTransportReceiveStream } from '../receive-stream.js';
import type { WebTransportSendStream } from '../send-stream.js';
import type { CreateStreamOptions } from '../session.js';
import { frameStreamMessage, MAX_FRAMED_PAYLOAD, parseStreamHeader, STREAM_HEADER_SIZE } from './framing.js';
import { MessageCodec, type StructuredMessage, type StructuredOptions } from './message-codec.js';

export interface StructuredStreamOptions<K> extends StructuredOptions<K> {
  /** Largest payload accepted or sent, in bytes (default 1 MiB). */
  maxMessageSize?: number;
  /** Application code of the STOP_SENDING sent when the peer breaks framing (default 0). */
  protocolErrorCode?: number;
}

/** session.createStructuredStream: the structured options plus how long to wait for stream credit. */
export type CreateStructuredStreamOptions<K> = StructuredStreamOptions<K> & CreateStreamOptions;

export type MessageStream = WebTransportStream | WebTransportSendStream | WebTransportReceiveStream;

export const DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;

/** The checked maxMessageSize of `options`; ConfigurationError when out of range. */
export function resolveMaxMessageSize(options: { maxMessageSize?: number }): number {
  const max = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  if (!Number.isSafeInteger(max) || max < 0 || max > MAX_FRAMED_PAYLOAD) {
    throw invalidConfig({ key: 'maxMessageSize', value: max, reason: `must be an integer in 0..${MAX_FRAMED_PAYLOAD}` });
  }
  return max;
}

type Writable = WebTransportSendStream | WebTransportStream;

// Checked by shape rather than instanceof: the direction is what matters.
function writable(stream: MessageStream): Writable | undefined {
  return typeof (stream as Partial<Writable>).write === 'function' ? stream as Writable : undefined;
}

function readable(stream: MessageStream): WebTransportReceiveStream | undefined {
  return typeof (stream as Partial<WebTransportReceiveStream>).readExactly === 'function' ? stream as WebTransportReceiveStream : undefined;
}

export class StructuredStream<K = unknown> implements AsyncIterable<unknown> {
  readonly stream: MessageStream;
  readonly maxMessageSize: number;
  readonly #codec: MessageCodec<K>;
  readonly #protocolErrorCode: number;
  /** Receives run one after another: two concurrent readers must not split a frame. */
  #receiving: Promise<unknown> = Promise.resolve();
  #broken: ProtocolError | undefined;
  #pendingHeader: { typeId: number; length: number } | undefined;
  #messagesSent = 0;
  #messagesReceived = 0;

  constructor(stream: MessageStream, options: StructuredStreamOptions<K>) {
    this.maxMessageSize = resolveMaxMessageSize(options);
    this.stream = stream;
    this.#codec = new MessageCodec(options);
    this.#protocolErrorCode = options.protocolErrorCode ?? 0;
  }

  get streamId(): number {
    return this.stream.streamId;
  }

  get isClosed(): boolean {
    return this.stream.isClosed;
  }

  get stats(): { messagesSent: number; messagesReceived: number } {
    return { messagesSent: this.#messagesSent, messagesReceived: this.#messagesReceived };
  }

  /** Encodes and writes one message; SerializationError when unregistered, unencodable or too large. */
  async send(value: unknown, type?: K): Promise<void> {
    const stream = writable(this.stream);
    if (stream === undefined) throw new StreamError('StructuredStream.send needs a bidirectional or send stream', { streamId: this.stream.streamId });
    const { typeId, payload } = this.#codec.encode(value, type);
    if (payload.length > this.maxMessageSize) {
      throw new SerializationError(`message of ${payload.length} bytes exceeds maxMessageSize ${this.maxMessageSize}`, {
        details: { typeId, size: payload.length, maxMessageSize: this.maxMessageSize },
      });
    }
    await stream.write(frameStreamMessage(typeId, payload));
    this.#messagesSent++;
  }

  /** The next message's value, or undefined when the peer ended the stream between messages. */
  async receive(options: { signal?: AbortSignal } = {}): Promise<unknown> {
    const message = await this.receiveMessage(options);
    return message?.value;
  }

  /** The next message with its type id and registration, or undefined at the clean end. */
  receiveMessage(options: { signal?: AbortSignal } = {}): Promise<StructuredMessage<K> | undefined> {
    const next = this.#receiving.then(() => this.#readOne(options.signal));
    this.#receiving = next.catch(() => undefined);
    return next;
  }

  /** Ends the sending side (FIN) once queued messages are written. */
  async close(): Promise<void> {
    await writable(this.stream)?.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<unknown> {
    for (;;) {
      const message = await this.receiveMessage();
      if (message === undefined) return;
      yield message.value;
    }
  }

  async #readOne(signal: AbortSignal | undefined): Promise<StructuredMessage<K> | undefined> {
    if (this.#broken !== undefined) throw this.#broken;
    const stream = readable(this.stream);
    if (stream === undefined) throw new StreamError('StructuredStream.receive needs a bidirectional or receive stream', { streamId: this.stream.streamId });
    const opts = signal !== undefined ? { signal } : {};
    // A header kept from a receive that was cancelled while waiting for its payload.
    let header = this.#pendingHeader;
    if (header === undefined) {
      let bytes: Uint8Array;
      try {
        bytes = await stream.readExactly(STREAM_HEADER_SIZE, opts);
      } catch (error) {
        if (error instanceof IncompleteReadError) {
          if (error.partial.length === 0) return undefined;
          throw this.#breakFraming(`stream ended inside a message header (${error.partial.length} of ${STREAM_HEADER_SIZE} bytes)`, error);
        }
        throw error;
      }
      header = parseStreamHeader(bytes);
      if (header.length > this.maxMessageSize) {
        throw this.#breakFraming(`peer sent a ${header.length}-byte message (type ${header.typeId}); maxMessageSize is ${this.maxMessageSize}`);
      }
    }
    let payload: Uint8Array;
    try {
      // readExactly gives its bytes back when cancelled, so keeping the header keeps us in sync.
      this.#pendingHeader = header;
      payload = await stream.readExactly(header.length, opts);
      this.#pendingHeader = undefined;
    } catch (error) {
      if (error instanceof IncompleteReadError) {
        throw this.#breakFraming(`stream ended inside a message payload (${error.partial.length} of ${header.length} bytes, type ${header.typeId})`, error);
      }
      throw error;
    }
    this.#messagesReceived++;
    return this.#codec.decode(header.typeId, payload);
  }

  #breakFraming(message: string, cause?: unknown): ProtocolError {
    this.#broken = new ProtocolError(message, { layer: 'wt', ...(cause !== undefined ? { cause } : {}) });
    const stream = readable(this.stream);
    if (stream?.isReadable) void stream.stopReceiving(this.#protocolErrorCode).catch(() => {});
    return this.#broken;
  }
}

