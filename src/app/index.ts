/** "./app" entry: ServerApp with routing, middleware, hooks and handler supervision. */
export { ServerApp } from './server-app.js';
export type { ServerAppOptions, ServerAppEvents, ServerAppStats, LifecycleHook, StatefulMiddleware } from './server-app.js';
export { Router, compilePathPattern } from './router.js';
export type { RouteMatch, RouterStats } from './router.js';
export type { AppRequest, RequestContext, SessionHandler, Middleware, HandlerErrorInfo } from './types.js';
export { compose } from './middleware/compose.js';
export type { Terminal } from './middleware/compose.js';
export { createAuthMiddleware, bearerTokenVerifier } from './middleware/auth.js';
export type { AuthOptions } from './middleware/auth.js';
export { createOriginMiddleware, normalizeOrigin } from './middleware/origin.js';
export type { OriginOptions } from './middleware/origin.js';
export { createRateLimitMiddleware, RateLimiter } from './middleware/rate-limit.js';
export type { RateLimitOptions } from './middleware/rate-limit.js';
export { createLoggingMiddleware } from './middleware/logging.js';
export type { LoggingOptions } from './middleware/logging.js';
export { ServerCluster, runClusterWorker, isClusterWorker } from './cluster.js';
export type { ServerClusterOptions, ServerClusterEvents, ClusterMember, ClusterStats, ClusterWorkerContext, ClusterWorkerStart } from './cluster.js';
export {
  ECHO_PREFIX, echoHandler, healthCheckHandler, createEchoServerApp, createSimpleApp, createDevelopmentServer,
} from './dev.js';
export type { DevelopmentServerOptions, DevelopmentServer } from './dev.js';
