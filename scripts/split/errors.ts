/**
 * Problems found while splitting, modelled on vfile-message: each carries the file, a 1-based
 * line, a short rule id and what was expected versus what was found, so a message reads
 * `nanjing-xinfeng-2025-supplement.txt:212 missing-unit-line: expected "…", found "…"`.
 */

/** The rule ids a split problem can carry; tests pin them, so they are a closed set. */
export type RuleId =
  | 'empty-file'
  | 'not-utf8'
  | 'truncated-input'
  | 'missing-toc'
  | 'empty-toc'
  | 'toc-malformed-entry'
  | 'toc-missing-unit'
  | 'toc-page-order'
  | 'duplicate-title'
  | 'toc-entry-without-report'
  | 'report-without-toc-entry'
  | 'report-out-of-order'
  | 'text-before-first-report'
  | 'missing-unit-line'
  | 'empty-report'
  | 'missing-masthead-field'
  | 'masthead-unknown-line'
  | 'subtitle-mismatch'
  | 'stray-authors-line'
  | 'malformed-authors-line'
  | 'authors-et-al'
  | 'authors-line-punctuation'
  | 'text-after-authors'
  | 'permit-mismatch'
  | 'photographer-mismatch'
  | 'unjoined-cut'
  | 'standalone-line'
  | 'unpaired-quote'
  | 'numbering-sequence'
  | 'self-check-lost-character'
  | 'self-check-duplicated-character'
  | 'self-check-changed-character'
  | 'self-check-markdown-mismatch'
  | 'self-check-frontmatter-mismatch'
  | 'schema-invalid-report'
  | 'schema-invalid-publication'
  | 'edition-unknown-issue'
  | 'edition-duplicate';

/** A located problem; `fatal` problems stop the run, the others are printed as warnings. */
export class SplitMessage extends Error {
  readonly file: string;
  readonly line: number;
  readonly ruleId: RuleId;
  readonly expected: string;
  readonly found: string;
  readonly fatal: boolean;

  constructor(options: {
    file: string;
    line: number;
    ruleId: RuleId;
    expected: string;
    found: string;
    fatal: boolean;
  }) {
    super(
      `${options.file}:${options.line} ${options.ruleId}: expected ${options.expected}, found ${options.found}`,
    );
    this.name = 'SplitMessage';
    this.file = options.file;
    this.line = options.line;
    this.ruleId = options.ruleId;
    this.expected = options.expected;
    this.found = options.found;
    this.fatal = options.fatal;
  }
}

/** Collects the problems of one run, so a single run reports all of them at once. */
export class Problems {
  readonly file: string;
  readonly messages: SplitMessage[] = [];

  constructor(file: string) {
    this.file = file;
  }

  /** Records a problem that stops the run. */
  fail(line: number, ruleId: RuleId, expected: string, found: string): void {
    this.messages.push(
      new SplitMessage({ file: this.file, line, ruleId, expected, found, fatal: true }),
    );
  }

  /** Records an oddity that does not stop the run. */
  warn(line: number, ruleId: RuleId, expected: string, found: string): void {
    this.messages.push(
      new SplitMessage({ file: this.file, line, ruleId, expected, found, fatal: false }),
    );
  }

  /** Whether any fatal problem has been recorded. */
  hasErrors(): boolean {
    return this.messages.some((message) => message.fatal);
  }

  /** The fatal problems, in the order they were found. */
  get errors(): SplitMessage[] {
    return this.messages.filter((message) => message.fatal);
  }

  /** The warnings, in the order they were found. */
  get warnings(): SplitMessage[] {
    return this.messages.filter((message) => !message.fatal);
  }
}

/** Quotes a piece of source text for a message, shortened so a long paragraph stays readable. */
export function quote(text: string, max = 24): string {
  const chars = [...text];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return `"${showInvisible(shown)}"`;
}

/**
 * Spells out characters a terminal would hide or act on (controls, zero-width and format
 * characters, line separators) as `<U+200B>`, so a message shows what is really in the source.
 */
export function showInvisible(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (character) =>
      `<U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
