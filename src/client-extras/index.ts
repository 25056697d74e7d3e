/** "./client-extras" entry: the browser-like client and client checks. Proxies: the client's `proxy` option and "./proxy" (docs/proxy.md). */
export { WebTransportBrowser } from './browser.js';
export type { BrowserConnector, WebTransportBrowserOptions } from './browser.js';
export { testClientConnectivity, benchmarkClientPerformance } from './connectivity.js';
export type { ClientCheckOptions, ConnectivityOptions, ConnectivityResult, BenchmarkOptions, BenchmarkResult } from './connectivity.js';
