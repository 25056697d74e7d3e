/**
 * Certificates for the benchmark: the interop kit's throw-away CA + P-256 leaf (the same files
 * the quiche peer loads), turned into our SigningKey and verifier. The modules that do this
 * properly (src/api/tls-credentials, src/crypto/node-cert-verifier) are loaded at run time; while
 * they are missing a minimal node:crypto P-256 key stands in and verification is reported as off.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateVerifier, SigningKey } from '../src/proto/tls/session.js';
import { SignatureScheme } from '../src/proto/tls/signature-schemes.js';

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

// Non-literal specifiers: these modules are written in parallel and may not exist yet.
const CREDENTIALS_MODULE = '../src/api/tls-credentials.js';
const SIGNING_KEY_MODULE = '../src/crypto/node-signing-key.js';
const VERIFIER_MODULE = '../src/crypto/node-cert-verifier.js';

export function kitCertFiles(workDir: string): CertFiles {
  const dir = join(workDir, 'certs');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'priv.key');
  const caPath = join(dir, 'ca.pem');
  return {
    certPem: readFileSync(certPath, 'utf8'), keyPem: readFileSync(keyPath, 'utf8'), caPem: readFileSync(caPath, 'utf8'),
    certPath, keyPath, caPath,
  };
}

/** DER bodies of every CERTIFICATE block in a PEM text, in order. */
export function pemCertificates(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m = re.exec(pem); m !== null; m = re.exec(pem)) out.push(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
  return out;
}

export async function loadServerCredentials(files: CertFiles): Promise<ServerCredentials> {
  try {
    const mod = await import(CREDENTIALS_MODULE) as {
      loadCredentials(o: { cert: string; key: string }): { chain: Uint8Array[]; signingKey: SigningKey }
        | Promise<{ chain: Uint8Array[]; signingKey: SigningKey }>;
    };
    const creds = await mod.loadCredentials({ cert: files.certPem, key: files.keyPem });
    return { chain: creds.chain, signingKey: creds.signingKey, source: 'src/api/tls-credentials' };
  } catch { /* fall through */ }
  const chain = pemCertificates(files.certPem);
  try {
    const mod = await import(SIGNING_KEY_MODULE) as { createSigningKey(key: string): SigningKey };
    return { chain, signingKey: mod.createSigningKey(files.keyPem), source: 'src/crypto/node-signing-key' };
  } catch { /* fall through */ }
  return { chain, signingKey: p256SigningKey(createPrivateKey(files.keyPem)), source: 'bench fallback (P-256)' };
}

export async function loadClientVerification(files: CertFiles, wanted: boolean): Promise<ClientVerification> {
  if (!wanted) return { verifier: null, mode: 'off' };
  try {
    const mod = await import(VERIFIER_MODULE) as {
      createCertificateVerifier(o: { ca?: string[] }): CertificateVerifier | null;
    };
    return { verifier: mod.createCertificateVerifier({ ca: [files.caPem] }), mode: 'ca' };
  } catch (error) {
    return { verifier: null, mode: 'off', note: `verifier unavailable: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** ecdsa_secp256r1_sha256 with a DER signature, as TLS 1.3 CertificateVerify wants it. */
function p256SigningKey(key: KeyObject): SigningKey {
  return {
    schemes: [SignatureScheme.ecdsa_secp256r1_sha256],
    sign(scheme: number, data: Uint8Array): Uint8Array {
      if (scheme !== SignatureScheme.ecdsa_secp256r1_sha256) throw new Error(`unsupported scheme 0x${scheme.toString(16)}`);
      return new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'der' }));
    },
  };
}
