const caches = new WeakMap();
export function memoizedSigningKey(key) {
    // One cache per underlying key, shared by every wrapper, so repeated scenarios match.
    let cache = caches.get(key);
    if (!cache) {
        cache = new Map();
        caches.set(key, cache);
    }
    const signatures = cache;
    return {
        schemes: key.schemes,
        sign(scheme, data) {
            const k = `${scheme}:${Buffer.from(data.buffer, data.byteOffset, data.length).toString('base64')}`;
            let sig = signatures.get(k);
            if (sig === undefined) {
                sig = key.sign(scheme, data);
                signatures.set(k, sig);
            }
            return sig.slice();
        },
    };
}
//# sourceMappingURL=memoized-signing-key.js.map