/**
 * Compendia of any number of reports, derived by code from the real source
 * (scripts/lib/derive-compendium.ts), for the tests of counts and sizes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deriveCompendium } from '../../scripts/lib/derive-compendium.ts';

/** The file name of the real compendium, as messages name it. */
export const SOURCE_NAME = 'nanjing-xinfeng-2025-supplement.txt';

/** The text of the real compendium. */
export const realSource = readFileSync(path.join('content', 'source', SOURCE_NAME), 'utf8');

/** A compendium of `count` reports in the real one's format. */
export function compendiumOf(count: number): string {
  return deriveCompendium(realSource, count);
}
