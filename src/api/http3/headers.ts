/** Header inputs accepted by the HTTP/3 API, normalised to the lowercase field list HTTP/3 requires. */
import type { Header } from '../../proto/h3/qpack/index.js';

export type { Header };

/** A record (values may repeat as arrays) or a list of [name, value] pairs. */
export type HeadersInit = Readonly<Record<string, string | number | readonly string[]>> | Iterable<readonly [string, string]>;

/** Lowercased regular fields; pseudo-headers in `init` are refused (the API sets them itself). */
export function toFieldList(init: HeadersInit | undefined): Header[] {
  const out: Header[] = [];
  if (init === undefined) return out;
  const add = (name: string, value: string): void => {
    const lower = name.toLowerCase();
    if (lower.startsWith(':')) throw new TypeError(`pseudo-header ${name} cannot be set here`);
    out.push([lower, value]);
  };
  if (isIterable(init)) {
    for (const [n, v] of init) add(n, v);
  } else {
    for (const [n, v] of Object.entries(init)) {
      if (Array.isArray(v)) for (const item of v as readonly string[]) add(n, item);
      else add(n, String(v));
    }
  }
  return out;
}

function isIterable(value: object): value is Iterable<readonly [string, string]> {
  return typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** The first value of `name` (lowercase) in a field list. */
export function getHeader(headers: readonly Header[], name: string): string | undefined {
  for (const [n, v] of headers) if (n === name) return v;
  return undefined;
}
