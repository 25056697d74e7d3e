/**
 * RFC 9001 Appendix A sample packet protection vectors (hex), taken from the RFC text
 * (/work/shared/spec/rfc9001-quic-tls.txt), and RFC 5869 Appendix A HKDF-SHA-256 cases
 * (/work/shared/protocol/test-vectors.md §9).
 */
/** A.1: the client's Destination Connection ID and the derived Initial secrets and keys. */
export declare const A1_DCID = "8394c8f03e515708";
export declare const A1_INITIAL_SECRET = "7db5df06e7a69e432496adedb00851923595221596ae2ae9fb8115c1e9ed0a44";
export declare const A1_CLIENT: {
    readonly secret: "c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea";
    readonly key: "1f369613dd76d5467730efcbe3b1a22d";
    readonly iv: "fa044b2f42a3fd3b46fb255c";
    readonly hp: "9f50449e04a0e810283a1e9933adedd2";
};
export declare const A1_SERVER: {
    readonly secret: "3c199828fd139efd216c155ad844cc81fb82fa8d7446fa7d78be803acdda951b";
    readonly key: "cf3a5331653c364c88f0f379b6067e37";
    readonly iv: "0ac1493ca1905853b0bba03e";
    readonly hp: "c206b8d9b9f0f37644430b490eeaa314";
};
/** A.2: the CRYPTO frame of the client Initial; PADDING (zero bytes) follows up to 1162 bytes. */
export declare const A2_CRYPTO_FRAME: string;
export declare const A2_PAYLOAD_LENGTH = 1162;
export declare const A2_PN = 2;
export declare const A2_PN_OFFSET = 18;
export declare const A2_UNPROTECTED_HEADER = "c300000001088394c8f03e5157080000449e00000002";
export declare const A2_SAMPLE = "d1b1c98dd7689fb8ec11d242b123dc9b";
export declare const A2_MASK = "437b9aec36";
export declare const A2_PROTECTED_HEADER = "c000000001088394c8f03e5157080000449e7b9aec34";
/** The complete protected client Initial (1200 bytes). */
export declare const A2_PROTECTED_PACKET: string;
/** A.3: the server Initial (ACK + CRYPTO(ServerHello), 2-byte packet number). */
export declare const A3_PAYLOAD: string;
export declare const A3_PN = 1;
export declare const A3_PN_OFFSET = 18;
export declare const A3_UNPROTECTED_HEADER = "c1000000010008f067a5502a4262b50040750001";
export declare const A3_SAMPLE = "2cd0991cd25b0aac406a5816b6394100";
export declare const A3_MASK = "2ec0d8356a";
export declare const A3_PROTECTED_HEADER = "cf000000010008f067a5502a4262b5004075c0d9";
export declare const A3_PROTECTED_PACKET: string;
/** A.5: ChaCha20-Poly1305 short header packet (empty DCID, PING payload). */
export declare const A5: {
    readonly secret: "9ac312a7f877468ebe69422748ad00a15443f18203a07d6060f688f30f21632b";
    readonly key: "c6d98ff3441c3fe1b2182094f69caa2ed4b716b65488960a7a984979fb23e1c8";
    readonly iv: "e0459b3474bdd0e44a41c144";
    readonly hp: "25a282b9e82f06f21f488917a4fc8f1b73573685608597d0efcb076b0ab7a7a4";
    readonly ku: "1223504755036d556342ee9361d253421a826c9ecdf3c7148684b36b714881f9";
    readonly pn: 654360564;
    readonly pnLength: 3;
    readonly pnOffset: 1;
    readonly payload: "01";
    readonly nonce: "e0459b3474bdd0e46d417eb0";
    readonly unprotectedHeader: "4200bff4";
    readonly payloadCiphertext: "655e5cd55c41f69080575d7999c25a5bfb";
    readonly sample: "5e5cd55c41f69080575d7999c25a5bfb";
    readonly mask: "aefefe7d03";
    readonly protectedHeader: "4cfe4189";
    readonly packet: "4cfe4189655e5cd55c41f69080575d7999c25a5bfb";
};
/** RFC 5869 Appendix A.1-A.3 (HKDF-SHA-256). */
export interface HkdfCase {
    ikm: string;
    salt: string;
    info: string;
    length: number;
    prk: string;
    okm: string;
}
export declare const RFC5869_SHA256: readonly HkdfCase[];
