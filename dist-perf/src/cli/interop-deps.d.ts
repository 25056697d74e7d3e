/**
 * The CLI's links to credentials, certificate verification and the key log, behind one small
 * interface so tests can substitute them.
 */
import type { CertificateVerifier, SigningKey } from '../proto/tls/session.js';
import type { KeyLogSink } from '../runtime/proto-types.js';
export interface InteropDeps {
    loadCredentials(options: {
        cert: string;
        key: string;
    }): Promise<{
        chain: Uint8Array[];
        signingKey: SigningKey;
    }>;
    createCertificateVerifier(options: {
        ca?: string[];
        rejectUnauthorized?: boolean;
    }): CertificateVerifier | null;
    createKeyLogWriter(path?: string): KeyLogSink | undefined;
}
export declare function loadInteropDeps(): Promise<InteropDeps>;
