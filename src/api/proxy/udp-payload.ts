/**
 * The HTTP Datagram payload of a CONNECT-UDP tunnel (RFC 9298 §5):
 * `Context ID (i) || UDP Proxying Payload (..)`. Context ID 0 carries a UDP payload; other ids
 * belong to extensions we did not negotiate, so their datagrams are dropped (undefined).
 */
import { ProxyProtocolError } from './errors.js';
import { H3ErrorCode } from '../../proto/h3/errors.js';

/** Context ID 0 as a one-byte varint. */
export const UDP_PAYLOAD_CONTEXT_ID = 0;

/** Context id 0 + the UDP payload (copies once: the HTTP layer frames it again). */
export function encodeUdpProxyingPayload(udpPayload: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + udpPayload.length);
  out.set(udpPayload, 1);
  return out;
}

/**
 * The UDP payload (a view) of a received HTTP Datagram, or undefined for an unknown context id.
 * Throws ProxyProtocolError (H3_DATAGRAM_ERROR) when the Context ID varint is truncated.
 */
export function decodeUdpProxyingPayload(datagram: Uint8Array): Uint8Array | undefined {
  if (datagram.length === 0) throw new ProxyProtocolError('HTTP datagram without a Context ID', { errorCode: H3ErrorCode.H3_DATAGRAM_ERROR });
  const len = 1 << (datagram[0]! >> 6);
  if (datagram.length < len) throw new ProxyProtocolError('truncated Context ID', { errorCode: H3ErrorCode.H3_DATAGRAM_ERROR });
  let id = datagram[0]! & 0x3f;
  for (let i = 1; i < len; i++) id = id * 256 + datagram[i]!;
  // Any non-zero id (even a non-minimal encoding of 0 is zero and accepted) is not ours.
  if (id !== UDP_PAYLOAD_CONTEXT_ID) return undefined;
  return datagram.subarray(len);
}
