/**
 * Reads the target of a request line (`/reports/01/?hl=社区`) into a decoded path and the raw
 * query, refusing what no browser sends for a page of this site: dot segments (`/../`, also
 * percent-encoded), backslashes (a path separator on Windows, where this server may run), NUL and
 * malformed percent-encoding. Empty segments (`//`) are not refused here but never name a file, so
 * `//evil.example/…` can neither be served nor turned into a redirect to another host.
 */

/** A request target the server can look up. */
export interface RequestTarget {
  /** Percent-decoded path, starting with `/`, e.g. `/reports/01/`. */
  path: string;
  /** The query exactly as received, with its `?` (or `''`), e.g. `?q=%E7%A4%BE`. */
  query: string;
}

/** Why a target was refused; the server answers 400. */
export interface BadTarget {
  error: string;
}

/**
 * Splits and decodes a request target. Origin-form (`/path?query`) is what browsers send;
 * absolute-form (`http://host/path`) is accepted as HTTP/1.1 requires, and only its path and query
 * are kept.
 */
export function parseRequestTarget(raw: string): RequestTarget | BadTarget {
  let target = raw;
  if (!target.startsWith('/')) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { error: `not a path: ${raw}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { error: `not an http URL: ${raw}` };
    target = url.pathname + url.search;
  }
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  const queryStart = target.indexOf('?');
  const rawPath = queryStart >= 0 ? target.slice(0, queryStart) : target;
  const query = queryStart >= 0 ? target.slice(queryStart) : '';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { error: `malformed percent-encoding in ${rawPath}` };
  }
  if (path.includes('\\')) return { error: `backslash in ${rawPath}` };
  if (path.includes('\0')) return { error: `NUL in ${rawPath}` };
  if (path.split('/').some((segment) => segment === '.' || segment === '..'))
    return { error: `dot segment in ${rawPath}` };
  return { path, query };
}

/** True when `path` has an empty segment (`//`) before its end, which no file of the site has. */
export function hasEmptySegment(path: string): boolean {
  return path.slice(0, -1).includes('//');
}

/**
 * True when a Location value can only mean a path on this site: it starts with one `/` that is
 * not followed by another `/` or a `\` (`//host` and `/\host` are other hosts to a browser).
 */
export function isSameOriginPath(location: string): boolean {
  return /^\/(?![/\\])/.test(location);
}

/** Percent-encodes a decoded path segment by segment, keeping the `/` between them. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
