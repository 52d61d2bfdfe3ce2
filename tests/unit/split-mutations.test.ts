/**
 * Bad input at scale: at least 200 mutated versions of the real compendium, generated
 * deterministically from a seeded PRNG (lines deleted, duplicated, swapped, cut in half; CRLF; BOM;
 * GBK bytes; truncated; empty; table of contents removed or reordered). The corpus kept in
 * tests/fixtures/split/mutants.json is one mutant per distinct outcome (the set of rule ids it
 * fails with, or a clean split), with that outcome pinned: the rest of the 200 add time, not
 * coverage. `UPDATE=1` runs all of them and rewrites the corpus; review its diff like code. Each
 * kept mutant splits or fails exactly as recorded, with messages that carry the file, a real line
 * and a rule id — none throws anything else. The CLI entry, run in process on a few of them with a
 * scratch output folder, returns 1, prints `file:line rule-id` lines and no stack trace, and leaves
 * the output folder byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { main as runSplitCli } from '../../scripts/split.ts';
import { expectedText, fixturesDir } from '../fixtures/split/load.ts';
import { splitCompendiumBytes, type SplitResult } from '../../scripts/split/split-compendium.ts';

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
interface Mutant {
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
function tocEntries(lines: readonly string[]): {
  before: string[];
  entries: string[][];
  after: string[];
} {
  const [first, end] = tocRange(lines);
  const entries: string[][] = [];
  for (const line of lines.slice(first, end)) {
    if (/^- \d+ /.test(line) || entries.length === 0) entries.push([line]);
    else (entries[entries.length - 1] as string[]).push(line);
  }
  return { before: lines.slice(0, first), entries, after: lines.slice(end) };
}

/** GBK bytes of a few characters of the source: what a file saved in the wrong encoding contains. */
const GBK: Record<string, number[]> = {
  党: [0xb5, 0xb3],
  建: [0xbd, 0xa8],
  南: [0xc4, 0xcf],
  京: [0xbe, 0xa9],
};

/** Generates the mutants: a fixed list of named cases plus seeded random ones of every kind. */
function generateMutants(seed = 20251125): Mutant[] {
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
  add(
    'table of contents entries removed',
    utf8(
      joinLines([
        ...SOURCE_LINES.slice(0, tocRange(SOURCE_LINES)[0]),
        ...SOURCE_LINES.slice(tocRange(SOURCE_LINES)[1]),
      ]),
    ),
  );
  add(
    'table of contents removed with its heading',
    utf8(
      joinLines([
        ...SOURCE_LINES.slice(0, SOURCE_LINES.indexOf('目录')),
        ...SOURCE_LINES.slice(tocRange(SOURCE_LINES)[1]),
      ]),
    ),
  );
  add(
    'table of contents heading removed',
    utf8(joinLines(SOURCE_LINES.filter((line) => line !== '目录'))),
  );
  {
    const { before, entries, after } = tocEntries(SOURCE_LINES);
    add(
      'table of contents reversed',
      utf8(joinLines([...before, ...[...entries].reverse().flat(), ...after])),
    );
    add(
      'table of contents without its last entry',
      utf8(joinLines([...before, ...entries.slice(0, -1).flat(), ...after])),
    );
    add(
      'table of contents with an entry duplicated',
      utf8(joinLines([...before, ...entries.flat(), ...(entries[3] as string[]), ...after])),
    );
  }

  // Seeded random mutations, many of each kind.
  const kinds: [string, (lines: string[]) => string[]][] = [
    [
      'delete a line',
      (lines) => {
        lines.splice(nonBlankLine(lines), 1);
        return lines;
      },
    ],
    [
      'delete 2–6 lines',
      (lines) => {
        lines.splice(nonBlankLine(lines), 2 + pick(5));
        return lines;
      },
    ],
    [
      'duplicate a line',
      (lines) => {
        const index = nonBlankLine(lines);
        lines.splice(index, 0, lines[index] as string);
        return lines;
      },
    ],
    [
      'swap two lines',
      (lines) => {
        const first = nonBlankLine(lines);
        const second = nonBlankLine(lines);
        [lines[first], lines[second]] = [lines[second] as string, lines[first] as string];
        return lines;
      },
    ],
    [
      'swap neighbouring blocks',
      (lines) => {
        const index = nonBlankLine(lines);
        const next = Math.min(lines.length - 1, index + 2);
        [lines[index], lines[next]] = [lines[next] as string, lines[index] as string];
        return lines;
      },
    ],
    [
      'cut a line in half across a blank line',
      (lines) => {
        const index = nonBlankLine(lines);
        const chars = [...(lines[index] as string)];
        const cut = Math.max(1, Math.floor(chars.length / 2));
        lines.splice(index, 1, chars.slice(0, cut).join(''), '', chars.slice(cut).join(''));
        return lines;
      },
    ],
    [
      'drop the second half of a line',
      (lines) => {
        const index = nonBlankLine(lines);
        const chars = [...(lines[index] as string)];
        lines[index] = chars.slice(0, Math.ceil(chars.length / 2)).join('');
        return lines;
      },
    ],
    [
      'swap two table-of-contents entries',
      (lines) => {
        const { before, entries, after } = tocEntries(lines);
        const first = pick(entries.length);
        const second = pick(entries.length);
        [entries[first], entries[second]] = [
          entries[second] as string[],
          entries[first] as string[],
        ];
        return [...before, ...entries.flat(), ...after];
      },
    ],
  ];
  for (const [kind, mutate] of kinds) {
    for (let round = 0; round < 20; round += 1)
      add(`${kind} #${round + 1}`, utf8(joinLines(mutate([...SOURCE_LINES]))));
  }
  for (let round = 0; round < 12; round += 1) {
    const cut = 1 + pick(SOURCE_BYTES.length - 2);
    // Byte offsets may fall inside a multi-byte character, leaving invalid UTF-8 at the end.
    add(`truncated at byte ${cut}`, SOURCE_BYTES.subarray(0, cut));
  }
  for (let round = 0; round < 10; round += 1) {
    const lines = [...SOURCE_LINES];
    const index = nonBlankLine(lines);
    const characters = Object.keys(GBK).filter((character) =>
      (lines[index] as string).includes(character),
    );
    const character = characters[pick(characters.length)] ?? '党';
    const line = (lines[index] as string).includes(character)
      ? (lines[index] as string)
      : `${lines[index]}${character}`;
    const [head, ...rest] = line.split(character);
    const before = utf8(joinLines(lines.slice(0, index)) + (index > 0 ? '\n' : '') + (head ?? ''));
    const after = utf8(rest.join(character) + '\n' + joinLines(lines.slice(index + 1)));
    add(
      `GBK bytes for ${character} on line ${index + 1}`,
      Buffer.concat([before, Buffer.from(GBK[character] as number[]), after]),
    );
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
    expect(
      again.map((mutant) =>
        mutant.bytes.equals(
          mutants.find((other) => other.name === mutant.name)?.bytes ?? Buffer.alloc(1),
        ),
      ),
    ).not.toContain(false);
  });

  test('finds the twelve table-of-contents entries of the real source', () => {
    const { entries } = tocEntries(SOURCE_LINES);
    expect(entries.map((entry) => Number((entry[0] as string).split(' ')[1]))).toEqual([
      1, 6, 9, 15, 19, 24, 28, 32, 37, 42, 46, 50,
    ]);
    expect(entries[4]).toEqual([
      '- 19 深化作风建设 破解基层治理“小马拉大车”问题研究',
      '——以华侨路街道为例',
      '市委党校课题组',
    ]);
  });

  test('produces invalid UTF-8 for the GBK mutants', () => {
    const gbk = mutants.filter((mutant) => mutant.name.startsWith('GBK'));
    expect(gbk).toHaveLength(10);
    for (const mutant of gbk)
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(mutant.bytes)).toThrow();
  });
});

/** A message as `file:line rule-id: …`, the form every split problem must take. */
const MESSAGE_FORM =
  /^nanjing-xinfeng-2025-supplement\.txt:(\d+) ([a-z0-9]+(?:-[a-z0-9]+)*): expected .+, found .+$/s;

/** Runs the split and turns an exception into a result the assertions can show. */
function split(mutant: Mutant): SplitResult | { thrown: string } {
  try {
    return splitCompendiumBytes(new Uint8Array(mutant.bytes), SOURCE_NAME);
  } catch (error) {
    return { thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** What a split did, as pinned in the corpus: `ok`, or its errors as `line rule-id`, comma-joined. */
function describeOutcome(result: SplitResult | { thrown: string }): string {
  if ('thrown' in result) return `thrown: ${result.thrown}`;
  return result.ok ? 'ok' : result.errors.map((error) => `${error.line} ${error.ruleId}`).join(',');
}

/** The distinct rules behind an outcome, the key the corpus keeps one mutant for. */
function ruleSet(outcome: string): string {
  if (outcome === 'ok' || outcome.startsWith('thrown')) return outcome;
  return [...new Set(outcome.split(',').map((problem) => problem.split(' ')[1]))].sort().join(',');
}

/**
 * One mutant per distinct rule set, plus every transparent one (BOM, CRLF), in generation order:
 * read from the committed corpus, or with UPDATE=1 computed from all mutants and written there.
 */
function keptMutants(): Record<string, string> {
  const corpusFile = join(fixturesDir, 'mutants.json');
  const kept: Record<string, string> = {};
  const seen = new Set<string>();
  if (process.env.UPDATE === '1') {
    for (const mutant of mutants) {
      const outcome = describeOutcome(split(mutant));
      const key = ruleSet(outcome);
      if (mutant.transparent || !seen.has(key)) kept[mutant.name] = outcome;
      seen.add(key);
    }
  }
  return JSON.parse(expectedText(corpusFile, `${JSON.stringify(kept, null, 1)}\n`)) as Record<
    string,
    string
  >;
}

/** Counts lines the way the split numbers them (after CRLF normalisation). */
function lineCount(bytes: Buffer): number {
  return bytes.toString('utf8').replace(/\r\n?/g, '\n').split('\n').length;
}

const byName = new Map(mutants.map((mutant) => [mutant.name, mutant]));
const mutantNamed = (name: string): Mutant => {
  const mutant = byName.get(name);
  if (!mutant) throw new Error(`the generator no longer makes the mutant "${name}"`);
  return mutant;
};
const corpus = keptMutants();
const baseline = split(mutantNamed('unchanged'));

describe('the split on mutated sources', () => {
  test('splits the unchanged source', () => {
    expect(baseline).toMatchObject({ ok: true });
    expect((baseline as Extract<SplitResult, { ok: true }>).reports).toHaveLength(12);
  });

  test('keeps one mutant per distinct outcome, clean splits and many fatal rules among them', () => {
    const outcomes = Object.values(corpus);
    const rules = new Set(outcomes.flatMap((outcome) => ruleSet(outcome).split(',')));
    expect(outcomes).toContain('ok');
    expect(outcomes.filter((outcome) => outcome.startsWith('thrown'))).toEqual([]);
    for (const rule of ['empty-file', 'not-utf8', 'missing-toc', 'truncated-input'])
      expect(rules).toContain(rule);
    expect(rules.size).toBeGreaterThanOrEqual(10);
    expect(new Set(outcomes.map(ruleSet)).size).toBeGreaterThanOrEqual(outcomes.length - 3);
  });

  test.each(Object.entries(corpus))(
    '%s: splits or fails exactly as recorded, with located rule ids, never throws',
    (name, expected) => {
      const mutant = mutantNamed(name);
      const result = split(mutant);
      expect(result).not.toHaveProperty('thrown');
      expect(describeOutcome(result)).toBe(expected);
      const outcome = result as SplitResult;
      const lines = lineCount(mutant.bytes);
      const messages = outcome.ok ? outcome.warnings : [...outcome.errors, ...outcome.warnings];
      for (const message of messages) {
        expect(message.message).toMatch(MESSAGE_FORM);
        expect(message.file).toBe(SOURCE_NAME);
        expect(Number.isInteger(message.line) && message.line >= 1 && message.line <= lines).toBe(
          true,
        );
      }
      if (mutant.transparent && 'ok' in baseline && baseline.ok) {
        // A BOM or Windows line endings change nothing in the output, byte for byte.
        expect(outcome.ok).toBe(true);
        const success = outcome as Extract<SplitResult, { ok: true }>;
        expect(success.reports.map((report) => report.markdown)).toEqual(
          baseline.reports.map((report) => report.markdown),
        );
        expect(success.publicationJson).toBe(baseline.publicationJson);
      }
    },
  );

  test('names the rule and the line for inputs that cannot be split', () => {
    const first = (name: string): string => {
      const result = split(mutantNamed(name)) as SplitResult;
      return result.ok ? 'ok' : `${result.errors[0]?.line} ${result.errors[0]?.ruleId}`;
    };
    expect(first('empty')).toBe('1 empty-file');
    expect(first('only blank lines')).toBe('1 empty-file');
    expect(first('only a BOM')).toBe('1 empty-file');
    const gbk = mutants.find((mutant) => mutant.name.startsWith('GBK')) as Mutant;
    expect(first(gbk.name)).toBe(`${/on line (\d+)$/.exec(gbk.name)?.[1]} not-utf8`);
    expect(first('table of contents removed with its heading')).toMatch(/ missing-toc$/);
  });
});

/** SHA-256 of every file in a folder, by name. */
function hashFolder(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

describe('the split CLI on bad input', () => {
  let scratch = '';
  beforeAll(() => {
    // A scratch copy of the output layout: the CLI writes here (`--out`), never into the project.
    scratch = mkdtempSync(join(tmpdir(), 'split-mutants-'));
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const cliCases = [
    'empty',
    'table of contents removed with its heading',
    'table of contents reversed',
    (mutants.find((mutant) => mutant.name.startsWith('GBK')) as Mutant).name,
    (mutants.find((mutant) => mutant.name.startsWith('truncated')) as Mutant).name,
  ];

  test.each(cliCases)(
    '%s: returns 1 with file:line rule-id lines, no stack trace, output untouched',
    async (name) => {
      // Each case gets its own output folder, so no case depends on what another left behind.
      const out = mkdtempSync(join(scratch, 'case-'));
      cpSync(join('content', 'editions'), join(out, 'editions'), { recursive: true });
      const before = hashFolder(join(out, 'editions', '2025-zk', 'reports'));
      const input = join(out, SOURCE_NAME);
      writeFileSync(input, mutantNamed(name).bytes);
      const printed: string[] = [];
      const capture = (...parts: unknown[]): void => {
        printed.push(parts.map(String).join(' '));
      };
      const error = vi.spyOn(console, 'error').mockImplementation(capture);
      const log = vi.spyOn(console, 'log').mockImplementation(capture);
      let code: number;
      try {
        code = await runSplitCli([input, '--out', out]);
      } finally {
        error.mockRestore();
        log.mockRestore();
      }
      const output = printed.join('\n');
      expect(code).toBe(1);
      expect(output).toMatch(/^nanjing-xinfeng-2025-supplement\.txt:\d+ [a-z0-9-]+: expected /m);
      expect(output).not.toMatch(/^\s+at .+\(?.*:\d+:\d+\)?$/m);
      expect(hashFolder(join(out, 'editions', '2025-zk', 'reports'))).toEqual(before);
      // No staging folder or temporary file is left behind either.
      expect(readdirSync(out).sort()).toEqual(['editions', SOURCE_NAME]);
      expect(readdirSync(join(out, 'editions'))).toEqual(['2025-zk']);
    },
  );
});
