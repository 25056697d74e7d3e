/**
 * The WebTransport handlers of `tswebtransport serve` and `interop server --mode wt`. They follow
 * the W3C web-platform-tests handlers (echo, server-close, client-close, query) that
 * ../shared/interop/chromium/wt-client.mjs expects; the endpoint is the request path's last
 * segment, so /echo, /wt/echo and /webtransport/handlers/echo.py all reach `echo`.
 */
import type { SessionRequest } from '../api/session-request.js';
import type { WebTransportServer } from '../api/server.js';
import type { SessionCloseInfo, WebTransportSession } from '../api/session.js';
import type { WebTransportStream } from '../api/bidirectional-stream.js';
import type { WebTransportReceiveStream } from '../api/receive-stream.js';

/** Application code used to reset a stream whose echo failed half-way. */
const ECHO_FAILED = 1;
/** client-close records kept for /query (oldest dropped first): a flood of tokens stays bounded. */
const DEFAULT_MAX_RECORDS = 1000;
/** /server-close codes are u32 (WebTransport application error codes). */
const MAX_CODE = 0xffff_ffff;
/** A close reason is at most 1024 bytes on the wire (CLOSE_WEBTRANSPORT_SESSION). */
const MAX_REASON_BYTES = 1024;

export type WtEndpointName = 'echo' | 'server-close' | 'client-close' | 'query';

export interface WtHandlerOptions {
  /** One line per session event, e.g. for the terminal or a log file (default: none). */
  log?: (line: string) => void;
  /** client-close records kept for /query (default 1000). */
  maxRecords?: number;
}

/** What WPT's client-close.py stores and query.py returns. */
export interface SessionCloseRecord {
  'session-close-info': { abruptly: boolean; close_info: { code: number; reason: string } | null };
}

/** `/a/b/echo.py?x` -> 'echo'; undefined for an unknown endpoint. */
export function endpointOf(path: string): WtEndpointName | undefined {
  const clean = path.split('?')[0]!;
  let last = clean.slice(clean.lastIndexOf('/') + 1);
  if (last.endsWith('.py')) last = last.slice(0, -3);
  return last === 'echo' || last === 'server-close' || last === 'client-close' || last === 'query' ? last : undefined;
}

/** How a session ended, as WPT reports it: a close with a code or reason was orderly. */
export function closeRecord(info: SessionCloseInfo): SessionCloseRecord {
  // Our session API does not say whether a CLOSE capsule arrived; a remote close that carried
  // nothing (code 0, no reason) is what a dropped stream or connection looks like.
  const abruptly = info.remote && info.code === 0 && info.reason === '';
  return { 'session-close-info': { abruptly, close_info: abruptly ? null : { code: info.code, reason: info.reason } } };
}

/** Truncates a reason to MAX_REASON_BYTES of UTF-8 without splitting a character. */
function clampReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= MAX_REASON_BYTES) return reason;
  return new TextDecoder().decode(bytes.subarray(0, MAX_REASON_BYTES)).replace(/\uFFFD+$/, '');
}

export class WtHandlers {
  readonly #log: (line: string) => void;
  readonly #maxRecords: number;
  /** token -> how its /client-close session ended (insertion order = age). */
  readonly #records = new Map<string, SessionCloseRecord>();
  readonly #counters = { accepted: 0, rejected: 0, streamsEchoed: 0, datagramsEchoed: 0 };

  constructor(options: WtHandlerOptions = {}) {
    this.#log = options.log ?? (() => {});
    this.#maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  }

  get stats(): Readonly<{ accepted: number; rejected: number; streamsEchoed: number; datagramsEchoed: number; records: number }> {
    return { ...this.#counters, records: this.#records.size };
  }

  /** The recorded close of a /client-close?token=T session, if any (not consumed). */
  record(token: string): SessionCloseRecord | undefined {
    return this.#records.get(token);
  }

  /** Serves every session request of `server` until it closes. */
  async serve(server: WebTransportServer): Promise<void> {
    for await (const request of server) this.handle(request);
  }

  /** Accepts (and serves) or rejects one session request. */
  handle(request: SessionRequest): WebTransportSession | undefined {
    const endpoint = endpointOf(request.path);
    if (endpoint === undefined) {
      this.#counters.rejected++;
      this.#log(`reject 404 ${request.path}`);
      request.reject(404);
      return undefined;
    }
    let session: WebTransportSession;
    try {
      session = request.accept();
    } catch (error) {
      this.#log(`accept failed ${request.path}: ${(error as Error).message}`);
      return undefined;
    }
    this.#counters.accepted++;
    const query = request.query;
    this.#log(`session ${session.sessionId} ${endpoint} from ${request.origin ?? '-'} ${request.url.search}`);
    void session.closed.then((info) => this.#log(`session ${session.sessionId} ${endpoint} closed code=${info.code} reason=${JSON.stringify(info.reason)} remote=${info.remote}`));
    switch (endpoint) {
      case 'echo':
        this.#echo(session);
        break;
      case 'server-close':
        void this.#serverClose(session, query);
        break;
      case 'client-close':
        this.#clientClose(session, query['token']);
        break;
      case 'query':
        void this.#query(session, query['token']);
        break;
    }
    return session;
  }

  #echo(session: WebTransportSession): void {
    // The browser learns of a server stream only when bytes arrive: opening sends the header now.
    void session.createBidirectionalStream().then((stream) => this.#echoBidi(stream), () => {});
    void (async () => {
      for await (const stream of session.incomingBidirectionalStreams) void this.#echoBidi(stream);
    })().catch(() => {});
    void (async () => {
      for await (const stream of session.incomingUnidirectionalStreams) void this.#echoUni(session, stream);
    })().catch(() => {});
    void (async () => {
      for await (const datagram of session.datagrams) {
        // Unreliable by design: a refused echo is a loss, not an error.
        if (session.datagrams.trySend(datagram)) this.#counters.datagramsEchoed++;
      }
    })().catch(() => {});
  }

  async #echoBidi(stream: WebTransportStream): Promise<void> {
    try {
      // Each chunk is written as it is read, so flow control works both ways (no read-all first).
      for await (const chunk of stream) await stream.write(chunk);
      await stream.close();
      this.#counters.streamsEchoed++;
    } catch {
      await stream.abort(ECHO_FAILED).catch(() => {});
    }
  }

  async #echoUni(session: WebTransportSession, incoming: WebTransportReceiveStream): Promise<void> {
    let out: Awaited<ReturnType<WebTransportSession['createUnidirectionalStream']>> | undefined;
    try {
      out = await session.createUnidirectionalStream();
      for await (const chunk of incoming) await out.write(chunk);
      await out.close();
      this.#counters.streamsEchoed++;
    } catch {
      await out?.abort(ECHO_FAILED).catch(() => {});
      await incoming.abort(ECHO_FAILED).catch(() => {});
    }
  }

  async #serverClose(session: WebTransportSession, query: Readonly<Record<string, string>>): Promise<void> {
    const raw = Number(query['code'] ?? '0');
    const code = Number.isInteger(raw) && raw >= 0 && raw <= MAX_CODE ? raw : 0;
    await session.close({ code, reason: clampReason(query['reason'] ?? '') }).catch(() => {});
  }

  #clientClose(session: WebTransportSession, token: string | undefined): void {
    void session.closed.then((info) => {
      if (token === undefined || token === '') return;
      this.#records.delete(token);
      this.#records.set(token, closeRecord(info));
      while (this.#records.size > this.#maxRecords) this.#records.delete(this.#records.keys().next().value!);
    });
  }

  async #query(session: WebTransportSession, token: string | undefined): Promise<void> {
    const found = token === undefined ? undefined : this.#records.get(token);
    // WPT's stash is take-once: a token's record is handed out one time.
    if (token !== undefined) this.#records.delete(token);
    try {
      const stream = await session.createUnidirectionalStream();
      await stream.write(JSON.stringify(found ?? {}), { endStream: true });
    } catch {
      // The client went away first: nothing to report to.
    }
  }
}
