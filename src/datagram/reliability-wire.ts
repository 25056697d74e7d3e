/**
 * Wire format of the reliable-datagram layer (the one pywebtransport 0.5.1's
 * DatagramReliabilityLayer uses, so both interoperate). Every datagram starts with a length-prefixed
 * ASCII tag:
 *
 *   DATA: 0x04 'D' 'A' 'T' 'A' | sequence (uint32, big-endian) | payload (rest of the datagram)
 *   ACK:  0x03 'A' 'C' 'K'     | sequence as ASCII decimal digits (1-10 digits, <= 2^32 - 1)
 *
 * The receiver answers every DATA (duplicates too) with an ACK of its sequence; sequences wrap
 * modulo 2^32. Anything else is not ours: parseReliableFrame returns undefined, never throws.
 */

export const DATA_HEADER_SIZE = 9;
const DATA_TAG = [4, 0x44, 0x41, 0x54, 0x41] as const;
const ACK_TAG = [3, 0x41, 0x43, 0x4b] as const;
const MAX_ACK_DIGITS = 10;

export type ReliableFrame =
  | { readonly kind: 'data'; readonly sequence: number; readonly payload: Uint8Array }
  | { readonly kind: 'ack'; readonly sequence: number };

function hasTag(d: Uint8Array, tag: readonly number[]): boolean {
  if (d.length < tag.length) return false;
  for (let i = 0; i < tag.length; i++) if (d[i] !== tag[i]) return false;
  return true;
}

export function encodeData(sequence: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(DATA_HEADER_SIZE + payload.length);
  out.set(DATA_TAG, 0);
  new DataView(out.buffer).setUint32(5, sequence >>> 0);
  out.set(payload, DATA_HEADER_SIZE);
  return out;
}

export function encodeAck(sequence: number): Uint8Array {
  const digits = String(sequence >>> 0);
  const out = new Uint8Array(ACK_TAG.length + digits.length);
  out.set(ACK_TAG, 0);
  for (let i = 0; i < digits.length; i++) out[ACK_TAG.length + i] = digits.charCodeAt(i);
  return out;
}

/** The frame in `d` (payload is a view into `d`), or undefined when `d` is not a valid frame. */
export function parseReliableFrame(d: Uint8Array): ReliableFrame | undefined {
  if (hasTag(d, DATA_TAG)) {
    if (d.length < DATA_HEADER_SIZE) return undefined;
    const sequence = ((d[5]! << 24) | (d[6]! << 16) | (d[7]! << 8) | d[8]!) >>> 0;
    return { kind: 'data', sequence, payload: d.subarray(DATA_HEADER_SIZE) };
  }
  if (hasTag(d, ACK_TAG)) {
    const n = d.length - ACK_TAG.length;
    if (n < 1 || n > MAX_ACK_DIGITS) return undefined;
    let value = 0;
    for (let i = ACK_TAG.length; i < d.length; i++) {
      const c = d[i]!;
      if (c < 0x30 || c > 0x39) return undefined;
      value = value * 10 + (c - 0x30);
    }
    return value > 0xffffffff ? undefined : { kind: 'ack', sequence: value };
  }
  return undefined;
}
