/**
 * The CLI's links to modules written in parallel (credentials, certificate verification, key
 * log). Loaded at run time by path so the runtime builds before they land; the shapes below are
 * the agreed APIs.
 */
import type { CertificateVerifier, SigningKey } from '../proto/tls/session.js';
import type { KeyLogSink } from '../runtime/proto-types.js';

export interface InteropDeps {
  loadCredentials(options: { cert: string; key: string }): Promise<{ chain: Uint8Array[]; signingKey: SigningKey }>;
  createCertificateVerifier(options: { ca?: string[]; rejectUnauthorized?: boolean }): CertificateVerifier | null;
  createKeyLogWriter(path?: string): KeyLogSink | undefined;
}

const CREDENTIALS_MODULE = '../api/tls-credentials.js';
const VERIFIER_MODULE = '../crypto/node-cert-verifier.js';
const KEYLOG_MODULE = '../runtime/keylog.js';

export async function loadInteropDeps(): Promise<InteropDeps> {
  const [credentials, verifier, keylog] = await Promise.all([
    import(CREDENTIALS_MODULE) as Promise<Pick<InteropDeps, 'loadCredentials'>>,
    import(VERIFIER_MODULE) as Promise<Pick<InteropDeps, 'createCertificateVerifier'>>,
    import(KEYLOG_MODULE) as Promise<Pick<InteropDeps, 'createKeyLogWriter'>>,
  ]);
  return {
    // loadCredentials may be sync or async: normalise to a Promise.
    loadCredentials: async (options) => credentials.loadCredentials(options),
    createCertificateVerifier: (options) => verifier.createCertificateVerifier(options),
    createKeyLogWriter: (path) => keylog.createKeyLogWriter(path),
  };
}
