/**
 * Builds the real proto Endpoint with the node:crypto provider and the pooled random source.
 * Isolated here so the rest of the runtime depends only on the structural types in
 * proto-types.ts and can be tested with fakes.
 */
import type { ProtoEndpoint, ProtoEndpointConfig } from './proto-types.js';
import { Endpoint } from '../proto/quic/endpoint/endpoint.js';
import { defaultCryptoProvider } from '../crypto/default.js';
import { PooledRandomSource } from './pooled-random.js';

export type ProtoEndpointFactory = (config: ProtoEndpointConfig) => ProtoEndpoint | Promise<ProtoEndpoint>;

export const createDefaultProtoEndpoint: ProtoEndpointFactory = (config) =>
  new Endpoint(config as ConstructorParameters<typeof Endpoint>[0], {
    crypto: defaultCryptoProvider(),
    random: new PooledRandomSource(),
  }) as unknown as ProtoEndpoint;
