/**
 * Content-coding negotiation (RFC 9110 §12.5.3): which of the codings a file is available in the
 * client accepts, by q-value. Codings are case-insensitive tokens (`GZIP` is gzip, `x-gzip` its old
 * alias); `q=0` refuses one; `*` stands for every coding not named. At equal q-values the smaller
 * brotli wins over gzip, and either wins over identity unless identity is named with a higher q.
 */
import { ENCODINGS, type Encoding } from '../compress/encodings.ts';

/** The q-value each named coding was given, lower-cased (`*` included when present). */
export type AcceptedCodings = Map<string, number>;

/** Parses an Accept-Encoding value; malformed entries (a q outside 0–1, say) are ignored. */
export function parseAcceptEncoding(header: string | undefined): AcceptedCodings {
  const accepted: AcceptedCodings = new Map();
  for (const entry of (header ?? '').split(',')) {
    const [rawToken, ...parameters] = entry.split(';');
    const token = (rawToken ?? '').trim().toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(token)) continue;
    let q = 1;
    let valid = true;
    for (const parameter of parameters) {
      const match = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i.exec(parameter);
      if (match) q = Number(match[1]);
      else valid = false;
    }
    if (valid) accepted.set(token === 'x-gzip' ? 'gzip' : token, q);
  }
  return accepted;
}

/**
 * The q-value a client gives `coding`: its own entry, else `*`'s, else 0. Identity takes no part
 * in `*` here: unnamed, it is only the fallback.
 */
function qualityOf(accepted: AcceptedCodings, coding: string): number {
  return accepted.get(coding) ?? (coding === 'identity' ? 0 : (accepted.get('*') ?? 0));
}

/**
 * Picks the coding to send among those `available` for a file, or `'identity'`. Identity is the
 * answer also when the client refuses it and nothing else fits: sending the file plainly is more
 * useful than a 406, and it is what common servers do.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | 'identity' {
  const accepted = parseAcceptEncoding(header);
  let best: Encoding | 'identity' = 'identity';
  // Identity competes only when named: an unnamed identity ranks below any accepted coding.
  let bestQuality = qualityOf(accepted, 'identity');
  for (const encoding of ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const quality = qualityOf(accepted, encoding);
    if (quality > 0 && quality >= bestQuality && (best === 'identity' || quality > bestQuality)) {
      best = encoding;
      bestQuality = quality;
    }
  }
  return best;
}
