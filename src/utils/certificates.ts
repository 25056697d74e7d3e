/**
 * Self-signed certificates for development (pywebtransport generate_self_signed_cert), plus the
 * `serverCertificateHashes` entry a browser or our client needs to trust one without a CA.
 */
import { certificateSha256, generateSelfSignedCertificate } from '../index.js';
import type { ServerCertificateHash } from '../index.js';

export { certificateSha256, generateSelfSignedCertificate };
/** What generateSelfSignedCertificate resolves to (PEM, DER, SHA-256, validity). */
export type SelfSignedCertificate = Awaited<ReturnType<typeof generateSelfSignedCertificate>>;
/** generateSelfSignedCertificate's options (hostnames, days ≤ 14). */
export type SelfSignedOptions = NonNullable<Parameters<typeof generateSelfSignedCertificate>[0]>;

/** The `{ algorithm: 'sha-256', value }` entry for WebTransport's serverCertificateHashes. */
export function certificateHashEntry(certDer: Uint8Array): ServerCertificateHash {
  return { algorithm: 'sha-256', value: certificateSha256(certDer) };
}

/** Hex of the certificate's SHA-256, the form pages usually embed (see examples/chat). */
export function certificateHashHex(certDer: Uint8Array): string {
  let hex = '';
  for (const byte of certificateSha256(certDer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
