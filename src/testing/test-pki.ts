/**
 * A small PKI for tests: a root CA (optionally an intermediate) and a leaf it signs, for any
 * key type the TLS stack supports. Key pairs are generated once per key type and role within a
 * process (RSA key generation is slow); certificates are fresh on each call, with a CA name
 * unique to the call so separate PKIs never trust each other.
 */
import { randomBytes, webcrypto } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type Algorithm = webcrypto.Algorithm;
type EcdsaParams = webcrypto.EcdsaParams;
import type * as X509 from '@peculiar/x509';
import type { SigningKey } from '../proto/tls/session.js';
import { createSigningKey } from '../crypto/node-signing-key.js';
import { loadX509, subjectAltNames } from '../api/tls-credentials.js';

export type TestKeyType = 'ec-p256' | 'ec-p384' | 'rsa-2048' | 'ed25519';

export interface TestPkiOptions {
  readonly keyType?: TestKeyType;
  /** Leaf subjectAltName entries (DNS names and IP literals). Default: localhost, 127.0.0.1, ::1. */
  readonly hostnames?: readonly string[];
  /** Leaf validity in days. Default 14. */
  readonly validityDays?: number;
  /** Leaf notBefore (ms since epoch or Date). Default: one hour ago. Put it in the past for an expired leaf. */
  readonly notBefore?: number | Date;
  /** Put the root CA at the end of `chain`. Default true. */
  readonly includeChain?: boolean;
  /** Issue the leaf from an intermediate CA (always included in `chain`). Default false. */
  readonly intermediate?: boolean;
  /** Fresh, uncached keys (e.g. an impostor CA with the same name but another key). */
  readonly freshKeys?: boolean;
  /** CA common name. Default: unique per call. */
  readonly caName?: string;
}

export interface TestPki {
  readonly caPem: string;
  readonly caDer: Uint8Array;
  /** Present when `intermediate` was requested. */
  readonly intermediatePem?: string;
  readonly intermediateDer?: Uint8Array;
  readonly leafPem: string;
  readonly leafDer: Uint8Array;
  /** The leaf's private key, PKCS#8 PEM. */
  readonly keyPem: string;
  /** DER chain to present: leaf, [intermediate], [root]. */
  readonly chain: Uint8Array[];
  readonly signingKey: SigningKey;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface KeyParams {
  readonly generate: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams | Algorithm;
  readonly sign: Algorithm | EcdsaParams;
}

const KEY_PARAMS: Record<TestKeyType, KeyParams> = {
  'ec-p256': { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams },
  'ec-p384': { generate: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } as EcdsaParams },
  'rsa-2048': {
    generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
  ed25519: { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
};

type Role = 'ca' | 'intermediate' | 'leaf';
const keyCache = new Map<string, Promise<CryptoKeyPair>>();

function keyPair(keyType: TestKeyType, role: Role, fresh: boolean): Promise<CryptoKeyPair> {
  const make = (): Promise<CryptoKeyPair> =>
    webcrypto.subtle.generateKey(KEY_PARAMS[keyType].generate, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
  if (fresh) return make();
  const id = `${keyType}:${role}`;
  let p = keyCache.get(id);
  if (!p) {
    p = make();
    keyCache.set(id, p);
  }
  return p;
}

function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

async function caExtensions(x509: typeof X509, keys: CryptoKeyPair, pathLength?: number): Promise<X509.Extension[]> {
  return [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
}

/** Creates a CA (+ optional intermediate) and a leaf for `hostnames`. */
export async function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  const x509 = await loadX509();
  const keyType = options.keyType ?? 'ec-p256';
  const params = KEY_PARAMS[keyType];
  const fresh = options.freshKeys === true;
  const [caKeys, interKeys, leafKeys] = await Promise.all([
    keyPair(keyType, 'ca', fresh),
    options.intermediate ? keyPair(keyType, 'intermediate', fresh) : undefined,
    keyPair(keyType, 'leaf', fresh),
  ]);
  const now = Date.now();
  const nb = options.notBefore === undefined ? now - 3_600_000 : Number(options.notBefore);
  // Whole seconds, as X.509 stores them, so validity arithmetic in tests is exact.
  const notBefore = new Date(Math.floor(nb / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + (options.validityDays ?? 14) * DAY_MS);
  // The CAs stay valid around the leaf and around now, so an expired leaf is the only fault.
  const caNotBefore = new Date(Math.min(notBefore.getTime(), now) - DAY_MS);
  const caNotAfter = new Date(Math.max(notAfter.getTime(), now) + 365 * DAY_MS);
  const tag = randomBytes(6).toString('hex');
  const caName = `CN=${options.caName ?? `tswebtransport test CA ${tag}`}`;

  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: caName, notBefore: caNotBefore, notAfter: caNotAfter, keys: caKeys, signingAlgorithm: params.sign,
    extensions: await caExtensions(x509, caKeys, options.intermediate ? 1 : 0),
  });

  let issuer = ca;
  let issuerKey = caKeys.privateKey;
  let intermediate: X509.X509Certificate | undefined;
  if (interKeys) {
    intermediate = await x509.X509CertificateGenerator.create({
      subject: `CN=tswebtransport test intermediate ${tag}`, issuer: ca.subject,
      notBefore: caNotBefore, notAfter: caNotAfter, publicKey: interKeys.publicKey, signingKey: caKeys.privateKey,
      signingAlgorithm: params.sign, extensions: await caExtensions(x509, interKeys, 0),
    });
    issuer = intermediate;
    issuerKey = interKeys.privateKey;
  }

  const hostnames = options.hostnames ?? ['localhost', '127.0.0.1', '::1'];
  const names = subjectAltNames(hostnames);
  const leaf = await x509.X509CertificateGenerator.create({
    subject: `CN=${names.find((n) => n.type === 'dns')?.value ?? 'tswebtransport test leaf'}`,
    issuer: issuer.subject, notBefore, notAfter, publicKey: leafKeys.publicKey, signingKey: issuerKey,
    signingAlgorithm: params.sign,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
    ],
  });

  const caDer = new Uint8Array(ca.rawData);
  const leafDer = new Uint8Array(leaf.rawData);
  const intermediateDer = intermediate ? new Uint8Array(intermediate.rawData) : undefined;
  const keyPem = pem('PRIVATE KEY', new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey)));
  const chain = [leafDer];
  if (intermediateDer) chain.push(intermediateDer);
  if (options.includeChain !== false) chain.push(caDer);
  return {
    caPem: pem('CERTIFICATE', caDer),
    caDer,
    ...(intermediateDer ? { intermediatePem: pem('CERTIFICATE', intermediateDer), intermediateDer } : {}),
    leafPem: pem('CERTIFICATE', leafDer),
    leafDer,
    keyPem,
    chain,
    signingKey: createSigningKey(keyPem),
    notBefore,
    notAfter,
  };
}
