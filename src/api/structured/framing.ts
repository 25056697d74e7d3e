/**
 * pywebtransport's wire formats for structured messages (big-endian):
 *   stream message:   u16 typeId | u32 payloadLength | payload
 *   datagram message: u16 typeId | payload
 */
export const STREAM_HEADER_SIZE = 6;
export const DATAGRAM_HEADER_SIZE = 2;
/** Largest payload length a u32 header can carry. */
export const MAX_FRAMED_PAYLOAD = 0xffff_ffff;

/** One buffer holding the header and payload, so a message is a single write (no interleaving). */
export function frameStreamMessage(typeId: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(STREAM_HEADER_SIZE + payload.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, typeId);
  view.setUint32(2, payload.length);
  out.set(payload, STREAM_HEADER_SIZE);
  return out;
}

export function parseStreamHeader(header: Uint8Array): { typeId: number; length: number } {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  return { typeId: view.getUint16(0), length: view.getUint32(2) };
}

export function frameDatagram(typeId: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(DATAGRAM_HEADER_SIZE + payload.length);
  out[0] = typeId >>> 8;
  out[1] = typeId & 0xff;
  out.set(payload, DATAGRAM_HEADER_SIZE);
  return out;
}

/** Type id of a datagram of at least DATAGRAM_HEADER_SIZE bytes. */
export function datagramTypeId(datagram: Uint8Array): number {
  return (datagram[0]! << 8) | datagram[1]!;
}
