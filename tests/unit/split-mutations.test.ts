/**
 * Bad input at scale: at least 200 mutated versions of the real compendium, generated
 * deterministically from a seeded PRNG (lines deleted, duplicated, swapped, cut in half; CRLF; BOM;
 * GBK bytes; truncated; empty; table of contents removed or reordered). Each one either splits
 * (the split's self-check passing) or fails with messages that carry the file, a real line and a
 * rule id — and none throws anything else. The CLI, run on a few of them in a scratch copy of the
 * project layout, exits non-zero with `file:line rule-id` lines, no stack trace, and leaves
 * `content/reports/` byte for byte as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const SOURCE_NAME = 'nanjing-xinfeng-2025-supplement.txt';
const SOURCE_BYTES = readFileSync(join('content', 'source', SOURCE_NAME));
const SOURCE_TEXT = SOURCE_BYTES.toString('utf8');
const SOURCE_LINES = SOURCE_TEXT.split('\n');

/** mulberry32: a tiny seeded PRNG, so every run generates the same mutants. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A mutated source: a name that says what was done, and the bytes handed to the split. */
export interface Mutant {
  name: string;
  bytes: Buffer;
  /** True when the mutation must not change the split's output (BOM, CRLF). */
  transparent: boolean;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const joinLines = (lines: readonly string[]): string => lines.join('\n');

/**
 * The 0-based range [first, end) of the table-of-contents entries: the `目录` line, blank lines,
 * then entry lines up to the next blank line. Falls back to an empty range at the end when the
 * heading is gone, so mutants of mutants stay well defined.
 */
function tocRange(lines: readonly string[]): [number, number] {
  const heading = lines.indexOf('目录');
  if (heading < 0) return [lines.length, lines.length];
  let first = heading + 1;
  while (first < lines.length && (lines[first] as string).trim() === '') first += 1;
  let end = first;
  while (end < lines.length && (lines[end] as string).trim() !== '') end += 1;
  return [first, end];
}

/** Splits the table of contents into entries: each `- PAGE TITLE` line with the lines that follow it. */
function tocEntries(lines: readonly string[]): { before: string[]; entries: string[][]; after: string[] } {
  const [first, end] = tocRange(lines);
  const entries: string[][] = [];
  for (const line of lines.slice(first, end)) {
    if (/^- \d+ /.test(line) || entries.length === 0) entries.push([line]);
    else (entries[entries.length - 1] as string[]).push(line);
  }
  return { before: lines.slice(0, first), entries, after: lines.slice(end) };
}

/** GBK bytes of a few characters of the source: what a file saved in the wrong encoding contains. */
const GBK: Record<string, number[]> = { 党: [0xb5, 0xb3], 建: [0xbd, 0xa8], 南: [0xc4, 0xcf], 京: [0xbe, 0xa9] };

/** Generates the mutants: a fixed list of named cases plus seeded random ones of every kind. */
export function generateMutants(seed = 20251125): Mutant[] {
  const random = createRandom(seed);
  const pick = (count: number): number => Math.floor(random() * count);
  const nonBlankLine = (lines: readonly string[]): number => {
    for (;;) {
      const index = pick(lines.length);
      if ((lines[index] ?? '').trim() !== '') return index;
    }
  };
  const mutants: Mutant[] = [];
  const add = (name: string, bytes: Buffer, transparent = false): void => {
    mutants.push({ name, bytes, transparent });
  };

  // Fixed cases.
  add('unchanged', SOURCE_BYTES, true);
  add('BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SOURCE_BYTES]), true);
  add('CRLF', utf8(SOURCE_TEXT.replace(/\n/g, '\r\n')), true);
  add('BOM and CRLF', utf8(`\uFEFF${SOURCE_TEXT.replace(/\n/g, '\r\n')}`), true);
  add('empty', Buffer.alloc(0));
  add('only blank lines', utf8('\n\n  \n\t\n'));
  add('only a BOM', Buffer.from([0xef, 0xbb, 0xbf]));
  add('masthead only', utf8(joinLines(SOURCE_LINES.slice(0, SOURCE_LINES.indexOf('目录')))));
  add('table of contents entries removed', utf8(joinLines([...SOURCE_LINES.slice(0, tocRange(SOURCE_LINES)[0]), ...SOURCE_LINES.slice(tocRange(SOURCE_LINES)[1])])));
  add('table of contents removed with its heading', utf8(joinLines([...SOURCE_LINES.slice(0, SOURCE_LINES.indexOf('目录')), ...SOURCE_LINES.slice(tocRange(SOURCE_LINES)[1])])));
  add('table of contents heading removed', utf8(joinLines(SOURCE_LINES.filter((line) => line !== '目录'))));
  {
    const { before, entries, after } = tocEntries(SOURCE_LINES);
    add('table of contents reversed', utf8(joinLines([...before, ...[...entries].reverse().flat(), ...after])));
    add('table of contents without its last entry', utf8(joinLines([...before, ...entries.slice(0, -1).flat(), ...after])));
    add('table of contents with an entry duplicated', utf8(joinLines([...before, ...entries.flat(), ...(entries[3] as string[]), ...after])));
  }

  // Seeded random mutations, many of each kind.
  const kinds: [string, (lines: string[]) => string[]][] = [
    ['delete a line', (lines) => { lines.splice(nonBlankLine(lines), 1); return lines; }],
    ['delete 2–6 lines', (lines) => { lines.splice(nonBlankLine(lines), 2 + pick(5)); return lines; }],
    ['duplicate a line', (lines) => { const index = nonBlankLine(lines); lines.splice(index, 0, lines[index] as string); return lines; }],
    ['swap two lines', (lines) => {
      const first = nonBlankLine(lines);
      const second = nonBlankLine(lines);
      [lines[first], lines[second]] = [lines[second] as string, lines[first] as string];
      return lines;
    }],
    ['swap neighbouring blocks', (lines) => {
      const index = nonBlankLine(lines);
      const next = Math.min(lines.length - 1, index + 2);
      [lines[index], lines[next]] = [lines[next] as string, lines[index] as string];
      return lines;
    }],
    ['cut a line in half across a blank line', (lines) => {
      const index = nonBlankLine(lines);
      const chars = [...(lines[index] as string)];
      const cut = Math.max(1, Math.floor(chars.length / 2));
      lines.splice(index, 1, chars.slice(0, cut).join(''), '', chars.slice(cut).join(''));
      return lines;
    }],
    ['drop the second half of a line', (lines) => {
      const index = nonBlankLine(lines);
      const chars = [...(lines[index] as string)];
      lines[index] = chars.slice(0, Math.ceil(chars.length / 2)).join('');
      return lines;
    }],
    ['swap two table-of-contents entries', (lines) => {
      const { before, entries, after } = tocEntries(lines);
      const first = pick(entries.length);
      const second = pick(entries.length);
      [entries[first], entries[second]] = [entries[second] as string[], entries[first] as string[]];
      return [...before, ...entries.flat(), ...after];
    }],
  ];
  for (const [kind, mutate] of kinds) {
    for (let round = 0; round < 20; round += 1) add(`${kind} #${round + 1}`, utf8(joinLines(mutate([...SOURCE_LINES]))));
  }
  for (let round = 0; round < 12; round += 1) {
    const cut = 1 + pick(SOURCE_BYTES.length - 2);
    // Byte offsets may fall inside a multi-byte character, leaving invalid UTF-8 at the end.
    add(`truncated at byte ${cut}`, SOURCE_BYTES.subarray(0, cut));
  }
  for (let round = 0; round < 10; round += 1) {
    const lines = [...SOURCE_LINES];
    const index = nonBlankLine(lines);
    const characters = Object.keys(GBK).filter((character) => (lines[index] as string).includes(character));
    const character = characters[pick(characters.length)] ?? '党';
    const line = (lines[index] as string).includes(character) ? (lines[index] as string) : `${lines[index]}${character}`;
    const [head, ...rest] = line.split(character);
    const before = utf8(joinLines(lines.slice(0, index)) + (index > 0 ? '\n' : '') + head);
    const after = utf8(rest.join(character) + '\n' + joinLines(lines.slice(index + 1)));
    add(`GBK bytes for ${character} on line ${index + 1}`, Buffer.concat([before, Buffer.from(GBK[character] as number[]), after]));
  }
  for (let round = 0; round < 10; round += 1) {
    const lines = SOURCE_LINES.map((line) => line);
    lines.splice(nonBlankLine(lines), 1 + pick(3));
    const text = joinLines(lines).replace(/\n/g, '\r\n');
    add(`CRLF and BOM with lines deleted #${round + 1}`, utf8(`\uFEFF${text}`));
  }
  return mutants;
}

const mutants = generateMutants();

describe('the mutant generator', () => {
  test('makes at least 200 distinct mutants, the same ones on every run', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(200);
    expect(new Set(mutants.map((mutant) => mutant.name)).size).toBe(mutants.length);
    const again = generateMutants();
    expect(again.map((mutant) => mutant.bytes.equals(mutants.find((other) => other.name === mutant.name)?.bytes ?? Buffer.alloc(1)))).not.toContain(false);
  });

  test('finds the twelve table-of-contents entries of the real source', () => {
    const { entries } = tocEntries(SOURCE_LINES);
    expect(entries.map((entry) => Number((entry[0] as string).split(' ')[1]))).toEqual([1, 6, 9, 15, 19, 24, 28, 32, 37, 42, 46, 50]);
    expect(entries[4]).toEqual(['- 19 深化作风建设 破解基层治理“小马拉大车”问题研究', '——以华侨路街道为例', '市委党校课题组']);
  });

  test('produces invalid UTF-8 for the GBK mutants', () => {
    const gbk = mutants.filter((mutant) => mutant.name.startsWith('GBK'));
    expect(gbk).toHaveLength(10);
    for (const mutant of gbk) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(mutant.bytes)).toThrow();
  });
});
