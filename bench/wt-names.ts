/** The WebTransport benchmark's scenario names (kept apart so option parsing loads no stack code). */
export const WT_SCENARIOS = [
  'upload', 'download', 'duplex', 'handshake', 'request-response', 'datagram-rtt', 'datagram-rate', 'streams', 'memory',
] as const;
export type WtScenario = (typeof WT_SCENARIOS)[number];
