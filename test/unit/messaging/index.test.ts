import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as messaging from '../../../src/messaging/index.js';
import * as root from '../../../src/index.js';

// Compiled tests live in <outDir>/test/unit/messaging; sources are read from the repository.
const here = fileURLToPath(new URL('.', import.meta.url));
const repo = here.includes('/test/unit/') ? join(here, '..', '..', '..') : process.cwd();

function sourceRoot(): string {
  for (const candidate of [repo, process.cwd()]) {
    try {
      if (readdirSync(join(candidate, 'src', 'messaging')).some((f) => f.endsWith('.ts'))) return candidate;
    } catch { /* try the next */ }
  }
  throw new Error('run from the repository root: src/messaging/*.ts not found');
}

describe('tswebtransport/messaging entry', () => {
  test('exports the toolkit', () => {
    for (const name of ['MessageRegistry', 'StructuredStream', 'StructuredDatagrams', 'createStructuredStream', 'createStructuredDatagrams',
      'spec', 'decodeAs', 'SerializationError', 'ProtocolError', 'frameStreamMessage', 'DEFAULT_MAX_MESSAGE_SIZE']) {
      assert.ok(name in messaging, name);
    }
  });

  test('the structured core is the public one, not a copy', () => {
    assert.equal(messaging.StructuredStream, root.StructuredStream);
    assert.equal(messaging.StructuredDatagrams, root.StructuredDatagrams);
    assert.equal(messaging.MessageRegistry, root.MessageRegistry);
    assert.equal(messaging.frameStreamMessage, root.frameStreamMessage);
  });

  test('messaging and serializers import only the public entry points', () => {
    const root = sourceRoot();
    for (const dir of ['messaging', 'serializers']) {
      for (const file of readdirSync(join(root, 'src', dir)).filter((f) => f.endsWith('.ts'))) {
        const text = readFileSync(join(root, 'src', dir, file), 'utf8');
        for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
          const ok = spec === '../index.js' || spec!.startsWith('./') || spec === '../messaging/index.js' || spec!.startsWith('@');
          assert.ok(ok, `${dir}/${file} imports ${spec}`);
        }
      }
    }
  });
});
