/**
 * "tswebtransport/datagram": datagram toolkit over `session.datagrams` (pywebtransport `datagram`
 * package): a duplex stream with priorities, TTL, bounded queues, JSON and batch helpers and
 * stats; a reliable layer (ACK, retransmit, dedup); a broadcaster; heartbeat helpers.
 * Typed (structured) datagrams live in "tswebtransport/messaging" (StructuredDatagrams).
 */
export type { DatagramTransport, DatagramSource, WaitOptions } from './transport.js';
export { DatagramQueue, MAX_PRIORITY, clampPriority } from './datagram-queue.js';
export type { QueuedDatagram, DatagramQueueOptions, DatagramQueueStats, PutResult } from './datagram-queue.js';
export { DatagramStats } from './datagram-stats.js';
export type { DatagramStatsSnapshot } from './datagram-stats.js';
export { DatagramDuplexStream } from './datagram-stream.js';
export type { DatagramSendOptions, DatagramStreamOptions, ReceivedDatagram } from './datagram-stream.js';
export { ReliableDatagrams } from './reliable-datagrams.js';
export type { ReliableDatagramsOptions, ReliableDatagramsStats } from './reliable-datagrams.js';
export { encodeData, encodeAck, parseReliableFrame, DATA_HEADER_SIZE } from './reliability-wire.js';
export type { ReliableFrame } from './reliability-wire.js';
export { DatagramBroadcaster } from './broadcaster.js';
export type { BroadcastTarget, BroadcastResult } from './broadcaster.js';
export { createHeartbeatDatagram, isHeartbeatDatagram } from './heartbeat.js';
export { measureDatagramThroughput } from './throughput.js';
export type { DatagramSender, ThroughputOptions, ThroughputResult } from './throughput.js';
// The error classes the toolkit throws, re-exported for convenience.
export { DatagramError, OperationTimeoutError, SessionClosedError } from '../index.js';
