/**
 * The cryptographic primitives the sans-IO core needs, injected by the runtime
 * (src/crypto/node-provider.ts implements them on node:crypto). Every call is synchronous.
 */
export function hashLength(algorithm) {
    return algorithm === 'sha256' ? 32 : algorithm === 'sha384' ? 48 : 64;
}
//# sourceMappingURL=provider.js.map