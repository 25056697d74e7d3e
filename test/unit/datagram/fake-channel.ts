/** A DatagramTransport for unit tests: linked in pairs, with a loss function deciding drops. */
import { DatagramError, SessionClosedError } from '../../../src/index.js';
import type { DatagramTransport } from '../../../src/datagram/index.js';

export class FakeChannel implements DatagramTransport {
  peer: FakeChannel | undefined;
  /** Return true to lose a datagram this side sends. */
  lose: (d: Uint8Array) => boolean = () => false;
  readonly sent: Uint8Array[] = [];
  maxDatagramSize = 1200;
  #closed = false;
  #items: Uint8Array[] = [];
  #waiters: { resolve: (d: Uint8Array) => void; reject: (e: unknown) => void }[] = [];

  static pair(): [FakeChannel, FakeChannel] {
    const a = new FakeChannel();
    const b = new FakeChannel();
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  get receiveBufferSize(): number {
    return this.#items.length;
  }

  send(data: Uint8Array): void {
    if (this.#closed) throw new DatagramError('closed', { reason: 'closed' });
    if (data.length > this.maxDatagramSize) throw new DatagramError('too large', { reason: 'too-large' });
    this.sent.push(data);
    const peer = this.peer;
    if (peer !== undefined && !this.lose(data)) queueMicrotask(() => peer.push(data.slice()));
  }

  push(d: Uint8Array): void {
    if (this.#closed) return;
    const w = this.#waiters.shift();
    if (w) w.resolve(d);
    else this.#items.push(d);
  }

  tryReceive(): Uint8Array | undefined {
    return this.#items.shift();
  }

  receive(options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const d = this.#items.shift();
    if (d !== undefined) return Promise.resolve(d);
    if (this.#closed) return Promise.reject(new SessionClosedError('closed'));
    return new Promise((resolve, reject) => {
      const w = { resolve, reject };
      options.signal?.addEventListener('abort', () => {
        const i = this.#waiters.indexOf(w);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(options.signal!.reason);
      }, { once: true });
      this.#waiters.push(w);
    });
  }

  clearReceiveBuffer(): number {
    const n = this.#items.length;
    this.#items = [];
    return n;
  }

  close(): void {
    this.#closed = true;
    for (const w of this.#waiters.splice(0)) w.reject(new SessionClosedError('closed'));
  }
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array): string => new TextDecoder().decode(b);
export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
