/** Heartbeat datagrams (pywebtransport datagram.utils): `HEARTBEAT:<unix seconds>` in ASCII. */

const PREFIX = 'HEARTBEAT:';
const PREFIX_BYTES = new TextEncoder().encode(PREFIX);

export function createHeartbeatDatagram(nowMs: number = Date.now()): Uint8Array {
  return new TextEncoder().encode(PREFIX + Math.floor(nowMs / 1000));
}

export function isHeartbeatDatagram(data: Uint8Array): boolean {
  if (data.length < PREFIX_BYTES.length) return false;
  for (let i = 0; i < PREFIX_BYTES.length; i++) if (data[i] !== PREFIX_BYTES[i]) return false;
  return true;
}
