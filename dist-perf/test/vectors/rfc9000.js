/**
 * Official wire vectors (RFC 9000 Appendix A, RFC 9001 Appendix A) as named constants; see
 * /work/shared/protocol/test-vectors.md §1-3, §5-7.
 */
/** RFC 9000 §16 / A.1: encoded bytes (hex) -> value. */
export const VARINT_VECTORS = [
    { hex: 'c2197c5eff14e88c', value: 151288809941952652n, minimal: true },
    { hex: '9d7f3e7d', value: 494878333n, minimal: true },
    { hex: '7bbd', value: 15293n, minimal: true },
    { hex: '25', value: 37n, minimal: true },
    { hex: '4025', value: 37n, minimal: false },
];
/** RFC 9000 A.2: packet number length selection. */
export const PN_ENCODING_VECTORS = [
    { largestAcked: 0xabe8b3, fullPn: 0xac5c02, bytes: 2 },
    { largestAcked: 0xabe8b3, fullPn: 0xace8fe, bytes: 3 },
];
/** RFC 9000 A.3: packet number recovery. */
export const PN_DECODING_VECTORS = [
    { largestPn: 0xa82f30ea, truncated: 0x9b32, bits: 16, expected: 0xa82f9b32 },
];
/** RFC 9001 A.2: the client Initial's unprotected header (PN 2, 4-byte PN, Length 1182). */
export const CLIENT_INITIAL_UNPROTECTED_HEADER = 'c300000001088394c8f03e5157080000449e00000002';
/** RFC 9001 A.2: the same header after header protection (what arrives on the wire). */
export const CLIENT_INITIAL_PROTECTED_HEADER = 'c000000001088394c8f03e5157080000449e7b9aec34';
export const CLIENT_INITIAL_DCID = '8394c8f03e515708';
export const CLIENT_INITIAL_LENGTH = 1182;
/** RFC 9001 A.2: the packet (1200 bytes) is header (22 bytes incl. 4-byte PN) + 1178. */
export const CLIENT_INITIAL_PACKET_SIZE = 1200;
/** RFC 9001 A.3: server Initial unprotected header (SCID f067a5502a4262b5, 2-byte PN 1). */
export const SERVER_INITIAL_UNPROTECTED_HEADER = 'c1000000010008f067a5502a4262b50040750001';
/** RFC 9001 A.3: the payload (ACK + CRYPTO(ServerHello)). */
export const SERVER_INITIAL_PAYLOAD = '02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf73988cfc79825df566dc5430b9a045a1200130100002e00330024001d00209d3c940d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a002b00020304';
/** RFC 9001 A.3: the whole protected server Initial. */
export const SERVER_INITIAL_PROTECTED = 'cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a1839b3dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc42158407dd074ee';
/** RFC 9001 A.4: Retry for ODCID 8394c8f03e515708 (token "token", SCID f067a5502a4262b5). */
export const RETRY_PACKET = 'ff000000010008f067a5502a4262b5746f6b656e04a265ba2eff4d829058fb3f0f2496ba';
export const RETRY_ODCID = '8394c8f03e515708';
export const RETRY_SCID = 'f067a5502a4262b5';
export const RETRY_TOKEN = '746f6b656e';
/** RFC 9001 A.5: smallest 1-RTT packet (empty DCID, protected). */
export const CHACHA_SHORT_PACKET = '4cfe4189655e5cd55c41f69080575d7999c25a5bfb';
//# sourceMappingURL=rfc9000.js.map