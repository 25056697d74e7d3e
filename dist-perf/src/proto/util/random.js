export function randomBytes(rng, n) {
    return rng.fill(new Uint8Array(n));
}
//# sourceMappingURL=random.js.map