import type { CertificateVerifier, SigningKey } from '../src/proto/tls/session.js';
export interface CertFiles {
    /** Leaf + CA chain (PEM), what servers load. */
    certPem: string;
    keyPem: string;
    caPem: string;
    certPath: string;
    keyPath: string;
    caPath: string;
}
export interface ServerCredentials {
    chain: Uint8Array[];
    signingKey: SigningKey;
    /** Which module built the key (for the report). */
    source: string;
}
export interface ClientVerification {
    verifier: CertificateVerifier | null;
    /** 'ca' when the chain is checked against the kit CA, 'off' otherwise. */
    mode: 'ca' | 'off';
    note?: string;
}
export declare function kitCertFiles(workDir: string): CertFiles;
/** DER bodies of every CERTIFICATE block in a PEM text, in order. */
export declare function pemCertificates(pem: string): Uint8Array[];
export declare function loadServerCredentials(files: CertFiles): Promise<ServerCredentials>;
export declare function loadClientVerification(files: CertFiles, wanted: boolean): Promise<ClientVerification>;
