/**
 * Builds the real proto Endpoint with the node:crypto provider and random source. Isolated here
 * (and loaded lazily) so the rest of the runtime depends only on the structural types in
 * proto-types.ts and can be tested with fakes.
 */
import type { ProtoEndpoint, ProtoEndpointConfig } from './proto-types.js';
export type ProtoEndpointFactory = (config: ProtoEndpointConfig) => ProtoEndpoint | Promise<ProtoEndpoint>;
export declare const createDefaultProtoEndpoint: ProtoEndpointFactory;
