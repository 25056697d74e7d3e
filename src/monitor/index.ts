/**
 * "tswebtransport/monitor": periodic sampling of client, server and datagram stats with
 * threshold alerts (pywebtransport ClientMonitor / ServerMonitor / DatagramMonitor).
 */
export { Monitor, statNumber } from './monitor.js';
export type { MonitorOptions, StartOptions, MonitorEvents } from './monitor.js';
export type { MonitorAlert, AlertCondition } from './alert.js';
export { BoundedHistory } from './bounded-history.js';
export { systemTimer } from './timer.js';
export type { MonitorTimer } from './timer.js';
export { ClientMonitor } from './client-monitor.js';
export type { ClientMonitorOptions, ClientSample, ClientMonitorSummary, ClientStatsSource } from './client-monitor.js';
export { ServerMonitor } from './server-monitor.js';
export type { ServerMonitorOptions, ServerSample, ServerHealth, ServerStatsSource } from './server-monitor.js';
export { DatagramMonitor } from './datagram-monitor.js';
export type { DatagramMonitorOptions, DatagramSample, DatagramStatsSource } from './datagram-monitor.js';
