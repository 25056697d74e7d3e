/** "./client-extras" entry: the browser-like client. Proxies: see docs/proxy.md (none shipped). */
export { WebTransportBrowser } from './browser.js';
export type { BrowserConnector, WebTransportBrowserOptions } from './browser.js';
