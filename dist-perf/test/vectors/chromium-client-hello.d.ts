/**
 * The ClientHello of a real Chromium 156 WebTransport connection to 127.0.0.1 (captured fixture,
 * not official): the CRYPTO stream of shared/interop/chromium/chromium-initial-flight.hex,
 * reassembled with shared/interop/chromium/decode-initial.mjs. 1481 bytes, handshake header
 * included. Offers X25519MLKEM768 + x25519 key shares, ALPN h3, ALPS, no SNI (IP literal).
 */
export declare const CHROMIUM_CLIENT_HELLO_HEX: string;
