/** Shared shapes of the connection toolkit: the handle the manager, pool and balancer work on. */
import type { WebTransportConnectOptions, WebTransportSession } from '../index.js';

export type ConnectionState = 'connected' | 'closing' | 'closed';

/** What the manager, pool and load balancer need from a connection (WebTransportConnection implements it). */
export interface ConnectionHandle {
  readonly id: string;
  /** `https://host[:port]` of the server. */
  readonly origin: string;
  readonly state: ConnectionState;
  readonly isClosed: boolean;
  /** Resolves once the connection is closed (by us or because its client went away). */
  readonly closed: Promise<void>;
  /** Why the connection ended when we did not close it (the peer vanished or closed it); undefined otherwise. */
  readonly closeError?: Error | undefined;
  /** Time (ms) the first session took to become ready: the measured connect round trip. */
  readonly connectRttMs: number;
  readonly sessionCount: number;
  /** Clock reading (ms) of the last session opened or closed. */
  readonly lastActivityMs: number;
  openSession(pathOrUrl?: string, options?: WebTransportConnectOptions): Promise<WebTransportSession>;
  close(options?: { code?: number; reason?: string }): Promise<void>;
}

/** Opens a connection to `url` (the first session goes to that path). */
export type ConnectionOpener = (url: string, signal: AbortSignal) => Promise<ConnectionHandle>;

/** Monotonic milliseconds; injectable so tests control time. */
export type Clock = () => number;

export const monotonicClock: Clock = () => performance.now();

/** `https://host[:port]` with the default port dropped, so equal origins compare equal. */
export function originOf(url: string | URL): string {
  return new URL(url).origin;
}
