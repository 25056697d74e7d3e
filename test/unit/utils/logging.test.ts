import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { childLogger, createConsoleLogger, formatLogRecord, noopLogger, parseLogLevel } from '../../../src/utils/logging.js';
import type { LogRecord } from '../../../src/utils/logging.js';

describe('logging', () => {
  test('parseLogLevel accepts any case and WARN', () => {
    assert.equal(parseLogLevel('debug'), 'DEBUG');
    assert.equal(parseLogLevel('Warn'), 'WARNING');
    assert.equal(parseLogLevel('SILENT'), 'SILENT');
    assert.throws(() => parseLogLevel('verbose'), RangeError);
  });
  test('records below the level are dropped; others reach the sink with fields', () => {
    const records: LogRecord[] = [];
    const log = createConsoleLogger({ name: 'test', level: 'warning', sink: (r) => records.push(r), now: () => 0 });
    log.debug('d');
    log.info('i');
    log.warn('w', { n: 1 });
    log.error('e');
    assert.deepEqual(records.map((r) => [r.level, r.message]), [['WARNING', 'w'], ['ERROR', 'e']]);
    assert.deepEqual(records[0]!.fields, { n: 1 });
    assert.equal(log.level, 'WARNING');
    assert.equal(log.name, 'test');
  });
  test('SILENT drops everything', () => {
    let count = 0;
    const log = createConsoleLogger({ level: 'silent', sink: () => count++ });
    log.error('x');
    assert.equal(count, 0);
  });
  test('formatLogRecord renders one line with JSON fields, bigint and Error safe', () => {
    const line = formatLogRecord({ level: 'INFO', name: 'n', message: 'hello', fields: { id: 5n, err: new Error('boom') }, time: 0 });
    assert.equal(line, '1970-01-01T00:00:00.000Z INFO [n] hello {"id":"5","err":{"name":"Error","message":"boom"}}');
    assert.equal(formatLogRecord({ level: 'ERROR', name: 'n', message: 'm', fields: {}, time: 0 }), '1970-01-01T00:00:00.000Z ERROR [n] m');
  });
  test('childLogger merges bindings under per-call fields', () => {
    const records: LogRecord[] = [];
    const child = childLogger(createConsoleLogger({ level: 'debug', sink: (r) => records.push(r) }), { session: 's1', a: 1 });
    child.debug('x', { a: 2 });
    child.info('y');
    assert.deepEqual(records.map((r) => r.fields), [{ session: 's1', a: 2 }, { session: 's1', a: 1 }]);
  });
  test('noopLogger accepts calls', () => {
    noopLogger.info('ignored');
    noopLogger.error('ignored', { x: 1 });
  });
});
