/**
 * Conditional and range requests (RFC 9110 §13 and §14) for one representation of a file: whether
 * the client's copy is still current (304), and which bytes it asked for (206 / 416). Pure
 * functions of header values, so each rule is tested on strings.
 */

/** The validators of one representation, as sent in ETag and Last-Modified. */
export interface Validators {
  /** A strong entity tag with its quotes, e.g. `"Zk3…-br"`. */
  etag: string;
  /** Modification time in milliseconds; HTTP dates carry whole seconds only. */
  modifiedMs: number;
}

/** The opaque part of each entity tag in an If-None-Match / If-Match list, and whether `*` was sent. */
export function parseEntityTags(header: string): { any: boolean; tags: string[] } {
  if (header.trim() === '*') return { any: true, tags: [] };
  const tags = [...header.matchAll(/(?:W\/)?"([^"]*)"/g)].map((match) => `"${match[1]}"`);
  return { any: false, tags };
}

/** True when If-None-Match names the current representation (weak comparison, as for GET). */
export function matchesIfNoneMatch(header: string, etag: string): boolean {
  const { any, tags } = parseEntityTags(header);
  return any || tags.includes(etag.replace(/^W\//, ''));
}

/** Rounds a time down to whole seconds, the precision of Last-Modified. */
function toWholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * True when the client's copy is current: If-None-Match matches, or — only when there is no
 * If-None-Match, which takes precedence — the file is not newer than If-Modified-Since.
 */
export function isNotModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  validators: Validators,
): boolean {
  if (headers.ifNoneMatch !== undefined)
    return matchesIfNoneMatch(headers.ifNoneMatch, validators.etag);
  if (headers.ifModifiedSince === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  return Number.isFinite(since) && toWholeSeconds(validators.modifiedMs) <= since;
}

/** The first and last byte (inclusive) of a satisfiable range. */
export interface ByteRange {
  start: number;
  end: number;
}

/** What a Range header asks of a body of `size` bytes. */
export type RangeRequest =
  { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

/**
 * Reads a Range header for a body of `size` bytes. Only one byte range is served; a list of
 * several, another unit or a malformed value gets the whole body, which the RFC allows.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'full' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
}

/**
 * True when a range may be served under If-Range: absent, or naming the current representation —
 * by a strong entity tag (strong comparison, so weak tags never match) or by exactly its
 * Last-Modified date.
 */
export function ifRangeAllows(header: string | undefined, validators: Validators): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value.startsWith('"')) return value === validators.etag;
  if (value.startsWith('W/')) return false;
  const date = Date.parse(value);
  return Number.isFinite(date) && date === toWholeSeconds(validators.modifiedMs);
}
