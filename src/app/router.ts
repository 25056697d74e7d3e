/**
 * Router: exact paths first, then pattern routes in registration order, then the default
 * handler. Patterns are `/users/:id` (one segment per param), a trailing `/*` (the rest of the
 * path, as `params.wildcard`), or a RegExp whose named groups become params. A RegExp must
 * match the whole path (pywebtransport's start-anchored re.match let `/a` route `/abc`).
 */
import type { SessionHandler } from './types.js';

export interface RouteMatch {
  readonly handler: SessionHandler;
  readonly params: Record<string, string>;
  /** The registered route (path or pattern source); undefined for the default handler. */
  readonly route: string | undefined;
}

/** Route table summary (pywebtransport get_route_stats) plus how often each route matched. */
export interface RouterStats {
  readonly exactRoutes: number;
  readonly patternRoutes: number;
  readonly hasDefaultHandler: boolean;
  /** Matches per registered route (path or pattern source); '(default)' for the default handler. */
  readonly matches: Readonly<Record<string, number>>;
}

interface PatternRoute {
  readonly source: string;
  readonly regex: RegExp;
  readonly handler: SessionHandler;
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Turns `/a/:id/*` into an anchored RegExp with named groups. */
export function compilePathPattern(pattern: string): RegExp {
  if (!pattern.startsWith('/')) throw new TypeError(`route pattern must start with '/': ${pattern}`);
  const segments = pattern.split('/').slice(1);
  const names = new Set<string>();
  let source = '';
  segments.forEach((segment, i) => {
    if (segment === '*') {
      if (i !== segments.length - 1) throw new TypeError(`'*' is only allowed as the last segment: ${pattern}`);
      source += '(?:/(?<wildcard>.*))?';
      return;
    }
    if (segment.startsWith(':')) {
      const name = segment.slice(1);
      if (!PARAM_NAME.test(name) || name === 'wildcard') throw new TypeError(`bad parameter name '${name}' in ${pattern}`);
      if (names.has(name)) throw new TypeError(`duplicate parameter '${name}' in ${pattern}`);
      names.add(name);
      source += `/(?<${name}>[^/]+)`;
      return;
    }
    source += `/${escapeRegex(segment)}`;
  });
  return new RegExp(`^${source}$`);
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export class Router {
  readonly #exact = new Map<string, SessionHandler>();
  readonly #patterns: PatternRoute[] = [];
  #default: SessionHandler | undefined;
  /** Match counters, only for registered routes (bounded by the route table). */
  readonly #hits = new Map<string, number>();

  /** Exact path route (replaces an existing one for the same path). */
  add(path: string, handler: SessionHandler): this {
    if (!path.startsWith('/')) throw new TypeError(`route path must start with '/': ${path}`);
    this.#exact.set(path, handler);
    return this;
  }

  /** Pattern route: a `/:param/*` string or a RegExp with named groups. */
  addPattern(pattern: string | RegExp, handler: SessionHandler): this {
    const regex = typeof pattern === 'string' ? compilePathPattern(pattern) : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    this.#patterns.push({ source: typeof pattern === 'string' ? pattern : String(pattern), regex, handler });
    return this;
  }

  setDefault(handler: SessionHandler | undefined): this {
    this.#default = handler;
    return this;
  }

  /** Removes an exact route or a pattern route (by its source text); true if one was removed. */
  remove(route: string): boolean {
    this.#hits.delete(route);
    if (this.#exact.delete(route)) return true;
    const i = this.#patterns.findIndex((p) => p.source === route);
    if (i < 0) return false;
    this.#patterns.splice(i, 1);
    return true;
  }

  /** The handler registered for exactly this route text (pywebtransport get_route_handler). */
  handlerFor(route: string): SessionHandler | undefined {
    return this.#exact.get(route) ?? this.#patterns.find((p) => p.source === route)?.handler;
  }

  stats(): RouterStats {
    return {
      exactRoutes: this.#exact.size,
      patternRoutes: this.#patterns.length,
      hasDefaultHandler: this.#default !== undefined,
      matches: Object.fromEntries(this.#hits),
    };
  }

  /** Registered routes: exact paths, then pattern sources, in match order. */
  routes(): string[] {
    return [...this.#exact.keys(), ...this.#patterns.map((p) => p.source)];
  }

  /** Finds the route for `path` and counts the match. */
  match(path: string): RouteMatch | undefined {
    const found = this.#find(path);
    if (found !== undefined) {
      const key = found.route ?? '(default)';
      this.#hits.set(key, (this.#hits.get(key) ?? 0) + 1);
    }
    return found;
  }

  #find(path: string): RouteMatch | undefined {
    const exact = this.#exact.get(path);
    if (exact !== undefined) return { handler: exact, params: {}, route: path };
    for (const p of this.#patterns) {
      const m = p.regex.exec(path);
      if (m === null || m.index !== 0 || m[0].length !== path.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (const [name, value] of Object.entries(m.groups ?? {})) {
        if (value === undefined) continue;
        const decoded = decode(value);
        if (decoded === undefined) ok = false;
        else params[name] = decoded;
      }
      if (ok) return { handler: p.handler, params, route: p.source };
    }
    return this.#default === undefined ? undefined : { handler: this.#default, params: {}, route: undefined };
  }
}
