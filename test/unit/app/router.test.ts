import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Router, compilePathPattern } from '../../../src/app/router.js';

const h1 = (): void => {};
const h2 = (): void => {};
const h3 = (): void => {};

describe('Router', () => {
  test('exact routes win over patterns; patterns in registration order', () => {
    const r = new Router().addPattern('/users/:id', h2).add('/users/me', h1).addPattern('/users/*', h3);
    assert.deepEqual(r.match('/users/me'), { handler: h1, params: {}, route: '/users/me' });
    assert.deepEqual(r.match('/users/42'), { handler: h2, params: { id: '42' }, route: '/users/:id' });
    assert.deepEqual(r.match('/users/42/posts'), { handler: h3, params: { wildcard: '42/posts' }, route: '/users/*' });
  });

  test('named params decode percent-escapes and reject bad escapes', () => {
    const r = new Router().addPattern('/room/:name/:sub', h1);
    assert.deepEqual(r.match('/room/a%20b/x')?.params, { name: 'a b', sub: 'x' });
    assert.equal(r.match('/room/%E0%A4%A/x'), undefined);
    assert.equal(r.match('/room/a'), undefined, 'a param needs its segment');
    assert.equal(r.match('/room/a/b/c'), undefined, 'no implicit trailing match');
  });

  test('wildcard also matches the bare prefix', () => {
    const r = new Router().addPattern('/files/*', h1);
    assert.deepEqual(r.match('/files')?.params, {});
    assert.deepEqual(r.match('/files/')?.params, { wildcard: '' });
    assert.equal(r.match('/filesystem'), undefined);
  });

  test('RegExp routes must match the whole path; named groups become params', () => {
    const r = new Router().addPattern(/\/v(?<version>\d+)\/chat/g, h1);
    assert.deepEqual(r.match('/v2/chat')?.params, { version: '2' });
    assert.equal(r.match('/v2/chat/extra'), undefined);
    assert.deepEqual(r.match('/v3/chat')?.params, { version: '3' }, 'global flag dropped, so no lastIndex state');
  });

  test('literal segments are escaped', () => {
    const r = new Router().addPattern('/a.b/:x', h1);
    assert.equal(r.match('/aXb/1'), undefined);
    assert.ok(r.match('/a.b/1'));
  });

  test('default handler, remove and routes()', () => {
    const r = new Router().add('/a', h1).addPattern('/b/:id', h2);
    assert.equal(r.match('/zzz'), undefined);
    r.setDefault(h3);
    assert.deepEqual(r.match('/zzz'), { handler: h3, params: {}, route: undefined });
    assert.deepEqual(r.routes(), ['/a', '/b/:id']);
    assert.equal(r.remove('/b/:id'), true);
    assert.equal(r.remove('/nope'), false);
    assert.equal(r.match('/b/1')?.handler, h3);
  });

  test('route management and stats: handlerFor, per-route match counts, remove forgets the count', () => {
    const r = new Router().add('/a', h1).addPattern('/b/:id', h2);
    assert.equal(r.handlerFor('/a'), h1);
    assert.equal(r.handlerFor('/b/:id'), h2);
    assert.equal(r.handlerFor('/b/1'), undefined, 'route text, not a path to match');
    r.match('/a');
    r.match('/b/1');
    r.match('/b/2');
    r.match('/nothing');
    assert.deepEqual(r.stats(), { exactRoutes: 1, patternRoutes: 1, hasDefaultHandler: false, matches: { '/a': 1, '/b/:id': 2 } });
    r.setDefault(h3);
    r.match('/nothing');
    r.remove('/b/:id');
    assert.deepEqual(r.stats(), { exactRoutes: 1, patternRoutes: 0, hasDefaultHandler: true, matches: { '/a': 1, '(default)': 1 } });
  });

  test('bad patterns are refused at registration', () => {
    assert.throws(() => compilePathPattern('x/:id'), TypeError);
    assert.throws(() => compilePathPattern('/:id/:id'), TypeError);
    assert.throws(() => compilePathPattern('/*/x'), TypeError);
    assert.throws(() => compilePathPattern('/:1bad'), TypeError);
    assert.throws(() => new Router().add('relative', h1), TypeError);
  });
});
