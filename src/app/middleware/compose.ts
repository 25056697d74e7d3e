/**
 * Koa-style composition: each middleware gets `next()` which runs the rest of the chain and
 * then the terminal step. Calling next() twice is a bug and is reported as such.
 */
import type { Middleware, RequestContext } from '../types.js';

export type Terminal = (ctx: RequestContext) => Promise<void> | void;

export function compose(middleware: readonly Middleware[]): (ctx: RequestContext, terminal: Terminal) => Promise<void> {
  const chain = [...middleware];
  return (ctx, terminal) => {
    let last = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= last) throw new Error('next() called more than once by the same middleware');
      last = i;
      if (i === chain.length) {
        await terminal(ctx);
        return;
      }
      await chain[i]!(ctx, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
}
