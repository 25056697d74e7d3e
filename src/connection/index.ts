/** "./connection" entry: connection handles, manager, pool and load balancer over the public client API. */
export { WebTransportConnection, connectionOpener } from './web-transport-connection.js';
export type { SessionClient, WebTransportConnectionOptions, WebTransportConnectionStats } from './web-transport-connection.js';
export { ConnectionManager } from './connection-manager.js';
export type { ConnectionManagerOptions, ConnectionManagerStats } from './connection-manager.js';
export { ConnectionPool } from './connection-pool.js';
export type { ConnectionPoolOptions, ConnectionPoolStats, AcquireOptions } from './connection-pool.js';
export { ConnectionLoadBalancer } from './load-balancer.js';
export type { BalancingStrategy, LoadBalancerOptions, LoadBalancerTarget, TargetStats } from './load-balancer.js';
export { monotonicClock, originOf } from './types.js';
export type { ConnectionHandle, ConnectionOpener, ConnectionState, Clock } from './types.js';
