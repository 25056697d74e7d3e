/**
 * Builds the real proto Endpoint with the node:crypto provider and random source. Isolated here
 * (and loaded lazily) so the rest of the runtime depends only on the structural types in
 * proto-types.ts and can be tested with fakes.
 */
import { PooledRandomSource } from './pooled-random.js';
import type { ProtoEndpoint, ProtoEndpointConfig } from './proto-types.js';

export type ProtoEndpointFactory = (config: ProtoEndpointConfig) => ProtoEndpoint | Promise<ProtoEndpoint>;

// Non-literal specifiers: these modules land in parallel with the runtime; resolve them at run time.
const ENDPOINT_MODULE = '../proto/quic/endpoint/endpoint.js';
const CRYPTO_MODULE = '../crypto/default.js';

interface EndpointModule {
  Endpoint: new (config: ProtoEndpointConfig, deps: { crypto: unknown; random: unknown }) => ProtoEndpoint;
}
interface CryptoModule {
  defaultCryptoProvider(): unknown;
}

export const createDefaultProtoEndpoint: ProtoEndpointFactory = async (config) => {
  const [endpointModule, cryptoModule] = await Promise.all([
    import(ENDPOINT_MODULE) as Promise<EndpointModule>,
    import(CRYPTO_MODULE) as Promise<CryptoModule>,
  ]);
  return new endpointModule.Endpoint(config, {
    crypto: cryptoModule.defaultCryptoProvider(),
    // OS randomness like crypto/default.ts's nodeRandomSource, pooled: many small requests per handshake.
    random: new PooledRandomSource(),
  });
};
