/**
 * The split's rules, one fixture folder each (tests/fixtures/split/rules/): the input is derived
 * by code from the real compendium (cases.ts), the folder holds the expected messages or the
 * output around the change. `UPDATE=1` rewrites expected.txt; review the diff like code.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main as runSplitCli } from '../../scripts/split.ts';
import { renderFrontmatter, frontmatterOf } from '../../scripts/split/render.ts';
import { splitCompendium, type SplitResult } from '../../scripts/split/split-compendium.ts';
import { expectedText, fixturesDir } from '../fixtures/split/load.ts';
import { ruleCases, type RuleCase } from '../fixtures/split/rules/cases.ts';
import { realSource } from '../helpers/compendia.ts';

const FILE = 'input.txt';

/** The outcome of a case as the text of its expected.txt. */
function describeOutcome(ruleCase: RuleCase, input: string, result: SplitResult): string {
  const lines = [`# ${ruleCase.description}`, ''];
  const warnings = result.warnings.map((warning) => `warning: ${warning.message}`);
  if (!result.ok) {
    lines.push('exit 1', ...result.errors.map((error) => error.message), ...warnings);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`ok: ${result.reports.map((report) => report.fileName).join(' ')}`, ...warnings, '');
  if (ruleCase.name.startsWith('masthead')) {
    lines.push(
      `committee: ${result.publication.committee.map((role) => `${role.role} ${role.names.length}`).join(', ')}`,
      `colophon: ${result.publication.address} / ${result.publication.postcode} / ${result.publication.printer}`,
    );
  } else if (ruleCase.focus) {
    const line = input.split('\n').findIndex((text) => text.includes(ruleCase.focus ?? '')) + 1;
    const body = result.reports.flatMap((report) => report.report.body);
    const at = body.findIndex((node) => node.lines.includes(line));
    for (const node of body.slice(Math.max(0, at - 1), at + 3))
      lines.push(`[${node.type} ${node.lines.join('+')}] ${node.text}`);
  } else {
    for (const { fileName, report } of result.reports)
      lines.push(fileName, renderFrontmatter(frontmatterOf(report)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

describe('split rules, one derived case each', () => {
  it.each(ruleCases.map((ruleCase) => [ruleCase.name, ruleCase] as const))(
    '%s: splits or fails as its fixture folder says',
    (name, ruleCase) => {
      const input = ruleCase.input(realSource);
      const actual = describeOutcome(ruleCase, input, splitCompendium(input, FILE));
      const file = path.join(fixturesDir, 'rules', name, 'expected.txt');
      expect(actual).toBe(expectedText(file, actual));
    },
  );
});

describe('the split CLI on the cases it rejects', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'split-rules-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const rejected = ruleCases.filter(
    (ruleCase) => !splitCompendium(ruleCase.input(realSource), FILE).ok,
  );

  /** Every file of a folder with its text, to compare before and after. */
  const snapshot = (folder: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return [path.relative(folder, file), readFileSync(file, 'utf8')];
        }),
    );

  it.each(rejected.map((ruleCase) => ruleCase.name))(
    '%s: exits 1 and leaves the output folder as it was',
    async (name) => {
      const ruleCase = rejected.find((entry) => entry.name === name) as RuleCase;
      const out = path.join(scratch, name);
      mkdirSync(path.join(out, 'reports'), { recursive: true });
      writeFileSync(path.join(out, 'reports', '01.md'), 'earlier output\n');
      writeFileSync(path.join(out, 'publication.json'), '{}\n');
      const input = path.join(scratch, `${name}.txt`);
      writeFileSync(input, ruleCase.input(realSource));
      const before = snapshot(out);
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      const code = await runSplitCli([input, '--out', out]).finally(() => error.mockRestore());
      expect(code).toBe(1);
      expect(snapshot(out)).toEqual(before);
    },
  );
});
