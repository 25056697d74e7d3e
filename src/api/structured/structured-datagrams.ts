/**
 * StructuredDatagrams: typed messages as WebTransport datagrams, framed as pywebtransport's
 * StructuredDatagramStream (`u16 typeId | payload`, big-endian). Unreliable and unordered, like
 * the datagrams under it; a message must fit in one datagram (`maxDatagramSize`).
 *
 * A datagram that is too short, has an unknown type id or a payload its type rejects raises
 * ProtocolError/SerializationError from receive(); it is consumed, so the next receive() goes on.
 * With `invalid: 'drop'` such datagrams are counted in `stats.invalid` and skipped instead.
 */
import { ProtocolError, SerializationError, SessionClosedError } from '../errors.js';
import type { DatagramChannel } from '../datagrams.js';
import type { WebTransportSession } from '../session.js';
import { DATAGRAM_HEADER_SIZE, datagramTypeId, frameDatagram } from './framing.js';
import { MessageCodec, type StructuredMessage, type StructuredOptions } from './message-codec.js';

export interface StructuredDatagramsOptions<K> extends StructuredOptions<K> {
  /** What receive() does with a datagram it cannot decode (default 'throw'). */
  invalid?: 'throw' | 'drop';
}

export interface StructuredDatagramStats {
  messagesSent: number;
  messagesReceived: number;
  /** Received datagrams dropped as undecodable (only with `invalid: 'drop'`). */
  invalid: number;
}

export class StructuredDatagrams<K = unknown> implements AsyncIterable<unknown> {
  readonly datagrams: DatagramChannel;
  readonly #codec: MessageCodec<K>;
  readonly #dropInvalid: boolean;
  readonly #stats: StructuredDatagramStats = { messagesSent: 0, messagesReceived: 0, invalid: 0 };

  /** Wraps a session's datagrams (or its DatagramChannel). */
  constructor(source: WebTransportSession | DatagramChannel, options: StructuredDatagramsOptions<K>) {
    this.datagrams = 'datagrams' in source ? source.datagrams : source;
    this.#codec = new MessageCodec(options);
    this.#dropInvalid = options.invalid === 'drop';
  }

  get isClosed(): boolean {
    return this.datagrams.isClosed;
  }

  /** Largest encoded payload that fits in one datagram now (0 when datagrams are unavailable). */
  get maxPayloadSize(): number {
    return Math.max(0, this.datagrams.maxDatagramSize - DATAGRAM_HEADER_SIZE);
  }

  get stats(): StructuredDatagramStats {
    return { ...this.#stats };
  }

  /**
   * Encodes and sends one message. SerializationError when unregistered or unencodable;
   * DatagramError ('too-large', 'closed', 'unsupported') when the datagram cannot go out.
   */
  send(value: unknown, type?: K): void {
    const { typeId, payload } = this.#codec.encode(value, type);
    this.datagrams.send(frameDatagram(typeId, payload));
    this.#stats.messagesSent++;
  }

  /** send() that returns false instead of throwing. */
  trySend(value: unknown, type?: K): boolean {
    try {
      this.send(value, type);
      return true;
    } catch {
      return false;
    }
  }

  /** The next message's value; rejects with SessionClosedError once the session is closed. */
  async receive(options: { signal?: AbortSignal } = {}): Promise<unknown> {
    return (await this.receiveMessage(options)).value;
  }

  /** The next message with its type id and registration. */
  async receiveMessage(options: { signal?: AbortSignal } = {}): Promise<StructuredMessage<K>> {
    for (;;) {
      const datagram = await this.datagrams.receive(options);
      try {
        const message = this.decode(datagram);
        this.#stats.messagesReceived++;
        return message;
      } catch (error) {
        if (!this.#dropInvalid || !(error instanceof SerializationError || error instanceof ProtocolError)) throw error;
        this.#stats.invalid++;
      }
    }
  }

  /** Decodes one raw datagram (for callers that read the DatagramChannel themselves). */
  decode(datagram: Uint8Array): StructuredMessage<K> {
    if (datagram.length < DATAGRAM_HEADER_SIZE) {
      throw new ProtocolError(`structured datagram of ${datagram.length} bytes is shorter than its type id`, { layer: 'wt' });
    }
    return this.#codec.decode(datagramTypeId(datagram), datagram.subarray(DATAGRAM_HEADER_SIZE));
  }

  /** Values until the session closes. */
  async *[Symbol.asyncIterator](): AsyncIterator<unknown> {
    for (;;) {
      let message: StructuredMessage<K>;
      try {
        message = await this.receiveMessage();
      } catch (error) {
        if (error instanceof SessionClosedError) return;
        throw error;
      }
      yield message.value;
    }
  }
}

