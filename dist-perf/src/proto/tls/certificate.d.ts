import { type ExtensionBlock } from './extensions.js';
export interface CertificateMessage {
    readonly context: Uint8Array;
    /** DER certificates, leaf first (per-entry extensions are ignored). */
    readonly chain: readonly Uint8Array[];
}
export declare function encodeCertificate(context: Uint8Array, chain: readonly Uint8Array[]): Uint8Array;
export declare function decodeCertificate(body: Uint8Array): CertificateMessage;
export interface CertificateRequest {
    readonly context: Uint8Array;
    readonly signatureAlgorithms: readonly number[];
    readonly extensions: ExtensionBlock;
}
export declare function encodeCertificateRequest(context: Uint8Array, signatureAlgorithms: readonly number[]): Uint8Array;
export declare function decodeCertificateRequest(body: Uint8Array): CertificateRequest;
export interface CertificateVerify {
    readonly scheme: number;
    readonly signature: Uint8Array;
}
export declare function encodeCertificateVerify(scheme: number, signature: Uint8Array): Uint8Array;
export declare function decodeCertificateVerify(body: Uint8Array): CertificateVerify;
/** 64 spaces, the context string, a zero byte, then the transcript hash (RFC 8446 §4.4.3). */
export declare function certificateVerifyInput(side: 'server' | 'client', transcriptHash: Uint8Array): Uint8Array;
