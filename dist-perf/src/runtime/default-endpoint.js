// Non-literal specifiers: these modules land in parallel with the runtime; resolve them at run time.
const ENDPOINT_MODULE = '../proto/quic/endpoint/endpoint.js';
const CRYPTO_MODULE = '../crypto/default.js';
export const createDefaultProtoEndpoint = async (config) => {
    const [endpointModule, cryptoModule] = await Promise.all([
        import(ENDPOINT_MODULE),
        import(CRYPTO_MODULE),
    ]);
    return new endpointModule.Endpoint(config, {
        crypto: cryptoModule.defaultCryptoProvider(),
        random: cryptoModule.nodeRandomSource,
    });
};
//# sourceMappingURL=default-endpoint.js.map