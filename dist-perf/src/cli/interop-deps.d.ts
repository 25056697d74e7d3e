/**
 * The CLI's links to modules written in parallel (credentials, certificate verification, key
 * log). Loaded at run time by path so the runtime builds before they land; the shapes below are
 * the agreed APIs.
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
