/**
 * RFC 8448 §3 "Simple 1-RTT Handshake" key schedule (TLS_AES_128_GCM_SHA256, x25519) and the
 * §4 resumption early secret / binder key, as reproduced and verified in
 * shared/protocol/test-vectors.md §10.
 */
export const RFC8448_SIMPLE = {
    clientX25519Private: '49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005',
    clientX25519Public: '99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c',
    serverX25519Private: 'b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e',
    serverX25519Public: 'c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f',
    sharedSecret: '8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d',
    earlySecret: '33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a',
    derivedForHandshake: '6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba',
    handshakeSecret: '1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac',
    transcriptClientHelloServerHello: '860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8',
    clientHandshakeTraffic: 'b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21',
    serverHandshakeTraffic: 'b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38',
    serverHandshakeKey: '3fce516009c21727d0f2e4e86ee403bc',
    serverHandshakeIv: '5d313eb2671276ee13000b30',
    clientHandshakeKey: 'dbfaa693d1762c5b666af5d950258d01',
    clientHandshakeIv: '5bd3c71b836e0b76bb73265f',
    serverFinishedKey: '008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8',
    clientFinishedKey: 'b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4',
    derivedForMaster: '43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4',
    masterSecret: '18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919',
    transcriptThroughServerFinished: '9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13',
    clientApplicationTraffic: '9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5',
    serverApplicationTraffic: 'a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643',
    serverApplicationKey: '9f02283b6c9c07efc26bb9f2ac92e356',
    serverApplicationIv: 'cf782b88dd83549aadf1e984',
    clientApplicationKey: '17422dda596ed5d9acd890e3c63f5051',
    clientApplicationIv: '5b78923dee08579033e523d9',
    exporterMaster: 'fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50',
    transcriptThroughClientFinished: '209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d',
    resumptionMaster: '7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c',
};
export const RFC8448_RESUMPTION = {
    psk: '4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3',
    earlySecret: '9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c',
    binderKey: '69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256',
};
//# sourceMappingURL=rfc8448.js.map