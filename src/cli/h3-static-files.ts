/**
 * Static file lookup for the `--mode h3` interop server: request path -> file under the web root,
 * refusing anything that would leave it, and the content type by extension.
 */
import { resolve, sep, extname } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a request path names under `root`, or 'forbidden' for traversal attempts and
 * malformed paths. '/' and paths ending in '/' name index.html. The query is ignored.
 */
export function resolveStaticPath(root: string, requestPath: string): string | 'forbidden' {
  const q = requestPath.search(/[?#]/);
  const raw = q >= 0 ? requestPath.slice(0, q) : requestPath;
  if (!raw.startsWith('/')) return 'forbidden';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  if (decoded.split('/').some((segment) => segment === '..')) return 'forbidden';
  const base = resolve(root);
  const full = resolve(base, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  if (full !== base && !full.startsWith(base + sep)) return 'forbidden';
  return full;
}

/** `/bytes/N` -> N (bounded), undefined for other paths. */
export function parseBytesPath(path: string, max: number): number | undefined {
  const m = /^\/bytes\/(\d{1,12})(?:[?#].*)?$/.exec(path);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= max ? n : undefined;
}
