/**
 * RFC 9001 Appendix A sample packet protection vectors (hex), taken from the RFC text
 * (/work/shared/spec/rfc9001-quic-tls.txt), and RFC 5869 Appendix A HKDF-SHA-256 cases
 * (/work/shared/protocol/test-vectors.md §9).
 */
/** A.1: the client's Destination Connection ID and the derived Initial secrets and keys. */
export const A1_DCID = '8394c8f03e515708';
export const A1_INITIAL_SECRET = '7db5df06e7a69e432496adedb00851923595221596ae2ae9fb8115c1e9ed0a44';
export const A1_CLIENT = {
    secret: 'c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea',
    key: '1f369613dd76d5467730efcbe3b1a22d',
    iv: 'fa044b2f42a3fd3b46fb255c',
    hp: '9f50449e04a0e810283a1e9933adedd2',
};
export const A1_SERVER = {
    secret: '3c199828fd139efd216c155ad844cc81fb82fa8d7446fa7d78be803acdda951b',
    key: 'cf3a5331653c364c88f0f379b6067e37',
    iv: '0ac1493ca1905853b0bba03e',
    hp: 'c206b8d9b9f0f37644430b490eeaa314',
};
/** A.2: the CRYPTO frame of the client Initial; PADDING (zero bytes) follows up to 1162 bytes. */
export const A2_CRYPTO_FRAME = '060040f1010000ed0303ebf8fa56f12939b9584a3896472ec40bb863cfd3e86804fe3a47f06a2b69484c000004130113' +
    '02010000c000000010000e00000b6578616d706c652e636f6dff01000100000a00080006001d00170018001000070005' +
    '04616c706e000500050100000000003300260024001d00209370b2c9caa47fbabaf4559fedba753de171fa71f50f1ce1' +
    '5d43e994ec74d748002b0003020304000d0010000e0403050306030203080408050806002d00020101001c0002400100' +
    '3900320408ffffffffffffffff05048000ffff07048000ffff0801100104800075300901100f088394c8f03e51570806' +
    '048000ffff';
export const A2_PAYLOAD_LENGTH = 1162;
export const A2_PN = 2;
export const A2_PN_OFFSET = 18;
export const A2_UNPROTECTED_HEADER = 'c300000001088394c8f03e5157080000449e00000002';
export const A2_SAMPLE = 'd1b1c98dd7689fb8ec11d242b123dc9b';
export const A2_MASK = '437b9aec36';
export const A2_PROTECTED_HEADER = 'c000000001088394c8f03e5157080000449e7b9aec34';
/** The complete protected client Initial (1200 bytes). */
export const A2_PROTECTED_PACKET = 'c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11d242b123dc9bd8bab936b47d92ec356c' +
    '0bab7df5976d27cd449f63300099f3991c260ec4c60d17b31f8429157bb35a1282a643a8d2262cad67500cadb8e7378c' +
    '8eb7539ec4d4905fed1bee1fc8aafba17c750e2c7ace01e6005f80fcb7df621230c83711b39343fa028cea7f7fb5ff89' +
    'eac2308249a02252155e2347b63d58c5457afd84d05dfffdb20392844ae812154682e9cf012f9021a6f0be17ddd0c208' +
    '4dce25ff9b06cde535d0f920a2db1bf362c23e596d11a4f5a6cf3948838a3aec4e15daf8500a6ef69ec4e3feb6b1d98e' +
    '610ac8b7ec3faf6ad760b7bad1db4ba3485e8a94dc250ae3fdb41ed15fb6a8e5eba0fc3dd60bc8e30c5c4287e53805db' +
    '059ae0648db2f64264ed5e39be2e20d82df566da8dd5998ccabdae053060ae6c7b4378e846d29f37ed7b4ea9ec5d82e7' +
    '961b7f25a9323851f681d582363aa5f89937f5a67258bf63ad6f1a0b1d96dbd4faddfcefc5266ba6611722395c906556' +
    'be52afe3f565636ad1b17d508b73d8743eeb524be22b3dcbc2c7468d54119c7468449a13d8e3b95811a198f3491de3e7' +
    'fe942b330407abf82a4ed7c1b311663ac69890f4157015853d91e923037c227a33cdd5ec281ca3f79c44546b9d90ca00' +
    'f064c99e3dd97911d39fe9c5d0b23a229a234cb36186c4819e8b9c5927726632291d6a418211cc2962e20fe47feb3edf' +
    '330f2c603a9d48c0fcb5699dbfe5896425c5bac4aee82e57a85aaf4e2513e4f05796b07ba2ee47d80506f8d2c25e50fd' +
    '14de71e6c418559302f939b0e1abd576f279c4b2e0feb85c1f28ff18f58891ffef132eef2fa09346aee33c28eb130ff2' +
    '8f5b766953334113211996d20011a198e3fc433f9f2541010ae17c1bf202580f6047472fb36857fe843b19f5984009dd' +
    'c324044e847a4f4a0ab34f719595de37252d6235365e9b84392b061085349d73203a4a13e96f5432ec0fd4a1ee65accd' +
    'd5e3904df54c1da510b0ff20dcc0c77fcb2c0e0eb605cb0504db87632cf3d8b4dae6e705769d1de354270123cb11450e' +
    'fc60ac47683d7b8d0f811365565fd98c4c8eb936bcab8d069fc33bd801b03adea2e1fbc5aa463d08ca19896d2bf59a07' +
    '1b851e6c239052172f296bfb5e72404790a2181014f3b94a4e97d117b438130368cc39dbb2d198065ae3986547926cd2' +
    '162f40a29f0c3c8745c0f50fba3852e566d44575c29d39a03f0cda721984b6f440591f355e12d439ff150aab7613499d' +
    'bd49adabc8676eef023b15b65bfc5ca06948109f23f350db82123535eb8a7433bdabcb909271a6ecbcb58b936a88cd4e' +
    '8f2e6ff5800175f113253d8fa9ca8885c2f552e657dc603f252e1a8e308f76f0be79e2fb8f5d5fbbe2e30ecadd220723' +
    'c8c0aea8078cdfcb3868263ff8f0940054da48781893a7e49ad5aff4af300cd804a6b6279ab3ff3afb64491c85194aab' +
    '760d58a606654f9f4400e8b38591356fbf6425aca26dc85244259ff2b19c41b9f96f3ca9ec1dde434da7d2d392b905dd' +
    'f3d1f9af93d1af5950bd493f5aa731b4056df31bd267b6b90a079831aaf579be0a39013137aac6d404f518cfd4684064' +
    '7e78bfe706ca4cf5e9c5453e9f7cfd2b8b4c8d169a44e55c88d4a9a7f9474241e221af44860018ab0856972e194cd934';
/** A.3: the server Initial (ACK + CRYPTO(ServerHello), 2-byte packet number). */
export const A3_PAYLOAD = '02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf73988cfc79825df566dc5430b9a045a12' +
    '00130100002e00330024001d00209d3c940d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a002b00' +
    '020304';
export const A3_PN = 1;
export const A3_PN_OFFSET = 18;
export const A3_UNPROTECTED_HEADER = 'c1000000010008f067a5502a4262b50040750001';
export const A3_SAMPLE = '2cd0991cd25b0aac406a5816b6394100';
export const A3_MASK = '2ec0d8356a';
export const A3_PROTECTED_HEADER = 'cf000000010008f067a5502a4262b5004075c0d9';
export const A3_PROTECTED_PACKET = 'cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a5816b6394100f37a1c69797554780bb3' +
    '8cc5a99f5ede4cf73c3ec2493a1839b3dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84' +
    '022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc42158407dd074ee';
/** A.5: ChaCha20-Poly1305 short header packet (empty DCID, PING payload). */
export const A5 = {
    secret: '9ac312a7f877468ebe69422748ad00a15443f18203a07d6060f688f30f21632b',
    key: 'c6d98ff3441c3fe1b2182094f69caa2ed4b716b65488960a7a984979fb23e1c8',
    iv: 'e0459b3474bdd0e44a41c144',
    hp: '25a282b9e82f06f21f488917a4fc8f1b73573685608597d0efcb076b0ab7a7a4',
    ku: '1223504755036d556342ee9361d253421a826c9ecdf3c7148684b36b714881f9',
    pn: 654360564,
    pnLength: 3,
    pnOffset: 1,
    payload: '01',
    nonce: 'e0459b3474bdd0e46d417eb0',
    unprotectedHeader: '4200bff4',
    payloadCiphertext: '655e5cd55c41f69080575d7999c25a5bfb',
    sample: '5e5cd55c41f69080575d7999c25a5bfb',
    mask: 'aefefe7d03',
    protectedHeader: '4cfe4189',
    packet: '4cfe4189655e5cd55c41f69080575d7999c25a5bfb',
};
function hexRange(from, to) {
    let s = '';
    for (let i = from; i <= to; i++)
        s += i.toString(16).padStart(2, '0');
    return s;
}
export const RFC5869_SHA256 = [
    {
        ikm: '0b'.repeat(22), salt: '000102030405060708090a0b0c', info: 'f0f1f2f3f4f5f6f7f8f9', length: 42,
        prk: '077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5',
        okm: '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    },
    {
        ikm: hexRange(0x00, 0x4f), salt: hexRange(0x60, 0xaf), info: hexRange(0xb0, 0xff), length: 82,
        prk: '06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244',
        okm: 'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09d' +
            'a3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87',
    },
    {
        ikm: '0b'.repeat(22), salt: '', info: '', length: 42,
        prk: '19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04',
        okm: '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    },
];
//# sourceMappingURL=rfc9001.js.map