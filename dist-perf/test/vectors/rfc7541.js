/** RFC 7541 Appendix C vectors used by QPACK: C.1 integers, and the Huffman strings of C.4 / C.6. */
/** C.1: value, prefix bits, encoded bytes (hex; flag bits zero). */
export const INTEGER_VECTORS = [
    { value: 10, prefixBits: 5, hex: '0a' }, // C.1.1
    { value: 1337, prefixBits: 5, hex: '1f9a0a' }, // C.1.2
    { value: 42, prefixBits: 8, hex: '2a' }, // C.1.3
];
/** C.4 (requests) and C.6 (responses): string -> its Huffman encoding (hex). */
export const HUFFMAN_VECTORS = [
    { text: 'www.example.com', hex: 'f1e3c2e5f23a6ba0ab90f4ff' }, // C.4.1
    { text: 'no-cache', hex: 'a8eb10649cbf' }, // C.4.2
    { text: 'custom-key', hex: '25a849e95ba97d7f' }, // C.4.3
    { text: 'custom-value', hex: '25a849e95bb8e8b4bf' }, // C.4.3
    { text: '302', hex: '6402' }, // C.6.1
    { text: 'private', hex: 'aec3771a4b' }, // C.6.1
    { text: 'Mon, 21 Oct 2013 20:13:21 GMT', hex: 'd07abe941054d444a8200595040b8166e082a62d1bff' }, // C.6.1
    { text: 'https://www.example.com', hex: '9d29ad171863c78f0b97c8e9ae82ae43d3' }, // C.6.1
    { text: '307', hex: '640eff' }, // C.6.2
    { text: 'Mon, 21 Oct 2013 20:13:22 GMT', hex: 'd07abe941054d444a8200595040b8166e084a62d1bff' }, // C.6.3
    { text: 'gzip', hex: '9bd9ab' }, // C.6.3
    {
        text: 'foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1',
        hex: '94e7821dd7f2e6c7b335dfdfcd5b3960d5af27087f3672c1ab270fb5291f9587316065c003ed4ee5b1063d5007',
    }, // C.6.3
];
//# sourceMappingURL=rfc7541.js.map