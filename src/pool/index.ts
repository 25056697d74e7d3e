/** "./pool" entry: reconnecting client, client fleet, session pool, stream manager and stream pool. */
export { ReconnectingClient, defaultRetryIf } from './reconnecting-client.js';
export type { ReconnectingClientOptions, ReconnectingClientEvents, ReconnectState, Connector } from './reconnecting-client.js';
export { backoffDelay, resolveBackoff, sleep } from './backoff.js';
export type { BackoffOptions, ResolvedBackoff } from './backoff.js';
export { ClientPool } from './client-pool.js';
export type { ClientPoolOptions, ConnectAllResult } from './client-pool.js';
export { SessionPool, PooledClient, sessionPoolKey } from './session-pool.js';
export type { SessionPoolOptions, SessionPoolStats } from './session-pool.js';
export { StreamManager } from './stream-manager.js';
export type { StreamManagerOptions, StreamManagerStats, ManagedStream } from './stream-manager.js';
export { StreamPool } from './stream-pool.js';
export type { StreamPoolOptions, StreamPoolStats } from './stream-pool.js';
