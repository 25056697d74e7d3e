const CREDENTIALS_MODULE = '../api/tls-credentials.js';
const VERIFIER_MODULE = '../crypto/node-cert-verifier.js';
const KEYLOG_MODULE = '../runtime/keylog.js';
export async function loadInteropDeps() {
    const [credentials, verifier, keylog] = await Promise.all([
        import(CREDENTIALS_MODULE),
        import(VERIFIER_MODULE),
        import(KEYLOG_MODULE),
    ]);
    return {
        // loadCredentials may be sync or async: normalise to a Promise.
        loadCredentials: async (options) => credentials.loadCredentials(options),
        createCertificateVerifier: (options) => verifier.createCertificateVerifier(options),
        createKeyLogWriter: (path) => keylog.createKeyLogWriter(path),
    };
}
//# sourceMappingURL=interop-deps.js.map