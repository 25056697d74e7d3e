import { loadCredentials } from '../api/tls-credentials.js';
import { createCertificateVerifier } from '../crypto/node-cert-verifier.js';
import { createKeyLogWriter } from '../runtime/keylog.js';
export async function loadInteropDeps() {
    return {
        loadCredentials: (options) => loadCredentials(options),
        createCertificateVerifier: (options) => createCertificateVerifier(options),
        createKeyLogWriter: (path) => createKeyLogWriter(path),
    };
}
//# sourceMappingURL=interop-deps.js.map