import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { certificateHashEntry, certificateHashHex, generateSelfSignedCertificate } from '../../../src/utils/certificates.js';

test('self-signed certificate hash helpers match SHA-256 of the DER', async () => {
  const cert = await generateSelfSignedCertificate({ hostnames: ['localhost'], days: 2 });
  const expected = createHash('sha256').update(cert.certDer).digest('hex');
  assert.equal(certificateHashHex(cert.certDer), expected);
  assert.equal(cert.sha256Hex, expected);
  const entry = certificateHashEntry(cert.certDer);
  assert.equal(entry.algorithm, 'sha-256');
  assert.equal(Buffer.from(entry.value as Uint8Array).toString('hex'), expected);
});
