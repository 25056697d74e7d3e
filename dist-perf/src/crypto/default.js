/** The providers the runtime uses unless the application injects its own. */
import { randomFillSync } from 'node:crypto';
import { nodeCryptoProvider } from './node-provider.js';
export function defaultCryptoProvider() {
    return nodeCryptoProvider;
}
/** Operating-system randomness (crypto.randomFillSync). */
export const nodeRandomSource = {
    fill(out) {
        return randomFillSync(out);
    },
};
//# sourceMappingURL=default.js.map