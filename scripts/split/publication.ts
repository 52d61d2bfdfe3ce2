/**
 * Stage 4c: read the masthead before the table of contents into the `Publication` data the
 * "about this issue" page shows. Labelled lines (`地址：…`) give most fields; committee roles
 * wrap onto unlabelled lines (`副主任：何耘 刘姗姗 邓雷 徐玫` / `薛岳 杨森`), which continue the role above.
 */
import { joinCoverLineBreaks, readCoverNotice } from './cover.ts';
import { Problems, quote } from './errors.ts';
import type { CommitteeRole, Publication, SourceLine } from './model.ts';
import { compactKey, normaliseSpacing } from './text.ts';

const LABELLED = /^([^：:\s]{1,8})[：:]\s*(.*)$/;
const LATIN = /^[A-Z][A-Z ]+$/;
const YEAR = /^\d{4}$/;
const HOST = /^(.+)主办$/;
const CREDIT = /《(.+?)》\s*(.+?)\s*\/\s*摄$/;

// Masthead labels that name a field of their own rather than a committee role.
// In the order the colophon prints them: a missing one is looked for after the one before it.
const FIELD_LABELS: Record<string, keyof Publication> = {
  编辑出版: 'publisher',
  封底摄影: 'coverPhoto',
  地址: 'address',
  邮编: 'postcode',
  电话: 'phone',
  传真: 'fax',
  电子信箱: 'email',
  发行对象: 'audience',
  印刷册数: 'printRun',
  印刷日期: 'printDate',
  准印号: 'permit',
  承印单位: 'printer',
};

const FIELD_ORDER = Object.keys(FIELD_LABELS);

/**
 * Parses the masthead lines (everything before `目录`) and checks the back-cover credit against it.
 * Fields are read by their labels and the cover lines by their shape, so blank lines anywhere
 * change nothing; a field that is missing is reported at the line where it should stand.
 */
export function parsePublication(
  masthead: readonly SourceLine[],
  trailer: readonly SourceLine[],
  tocLine: number,
  problems: Problems,
): Publication | undefined {
  const content: SourceLine[] = masthead
    .map((line) => ({ number: line.number, text: line.text.trim() }))
    .filter((line) => line.text !== '');
  const fields = new Map<string, SourceLine[]>();
  const committee: CommitteeRole[] = [];
  const committeeIndex = content.findIndex((line) => compactKey(line.text) === '编审委员会');
  // The committee runs from its heading to the first field of the colophon: every labelled line
  // between is a role, every unlabelled one continues the role above it, blank lines or not.
  let inCommittee = false;
  let lastCommitteeLine: SourceLine | undefined;
  content.forEach((line, index) => {
    if (index === committeeIndex) {
      inCommittee = true;
      return;
    }
    const match = LABELLED.exec(line.text);
    const label = match?.[1] ?? '';
    if (match && label in FIELD_LABELS) {
      inCommittee = false;
      const value = { number: line.number, text: normaliseSpacing(match[2] ?? '') };
      fields.set(label, [...(fields.get(label) ?? []), value]);
      return;
    }
    if (!inCommittee) {
      if (committeeIndex >= 0 && index > committeeIndex)
        problems.fail(
          line.number,
          'masthead-unknown-line',
          `a colophon field (${FIELD_ORDER.map((name) => `${name}：`).join(' ')})`,
          quote(line.text),
        );
      return;
    }
    lastCommitteeLine = line;
    if (match) {
      committee.push({ role: label, names: splitNames(match[2] ?? '') });
      return;
    }
    const role = committee[committee.length - 1];
    if (role) role.names.push(...splitNames(line.text));
    else
      problems.fail(
        line.number,
        'masthead-unknown-line',
        'a role "主任：NAME …" first after "编审委员会"',
        quote(line.text),
      );
  });

  /** The line after `line` (or 目录 after the last), where something expected after it should stand. */
  const after = (line: SourceLine | undefined): { number: number; found: string } => {
    const index = line ? content.indexOf(line) + 1 : 0;
    const next = content[index];
    return next
      ? { number: next.number, found: quote(next.text) }
      : { number: tocLine, found: '"目录"' };
  };
  const missingAt = (label: string, where: { number: number; found: string }, previous?: string) =>
    problems.fail(
      where.number,
      'missing-masthead-field',
      `"${label}"${previous ? ` after ${quote(previous)}` : ''} in the masthead`,
      where.found,
    );
  const field = (label: string): string => {
    const values = fields.get(label);
    if (values && values.length > 0) return (values[values.length - 1] as SourceLine).text;
    // Expected right after the nearest field printed before it, or after the committee.
    const earlier = FIELD_ORDER.slice(0, FIELD_ORDER.indexOf(label))
      .reverse()
      .find((name) => fields.has(name));
    const anchor = earlier
      ? content.find((line) => line.number === fields.get(earlier)?.at(-1)?.number)
      : lastCommitteeLine;
    missingAt(`${label}：…`, after(anchor), anchor?.text);
    return '';
  };

  const journalLine = content[0];
  const latinIndex = content.findIndex((line) => LATIN.test(line.text));
  const yearIndex = content.findIndex((line) => YEAR.test(line.text));
  const hostIndex = content.findIndex((line) => HOST.test(line.text));
  if (latinIndex < 0) missingAt('NAN JING XIN FENG', after(journalLine), journalLine?.text);
  if (yearIndex < 0)
    missingAt('2025', after(content[latinIndex + 2]), content[latinIndex + 2]?.text);
  if (hostIndex < 0) missingAt('…主办', after(content[committeeIndex - 1]));
  if (committeeIndex < 0)
    missingAt('编审委员会', after(content[hostIndex]), content[hostIndex]?.text);
  else if (committee.length === 0)
    missingAt('主任：…', after(content[committeeIndex]), '编审委员会');
  const hostLine = HOST.exec(content[hostIndex]?.text ?? '');
  const journal = journalLine?.text ?? '';
  const year = Number(content[yearIndex]?.text ?? 0);
  const issueLabel = normaliseSpacing(content[yearIndex + 1]?.text ?? '');

  const permits = fields.get('准印号') ?? [];
  const firstPermit = permits[0];
  const lastPermit = permits[permits.length - 1];
  if (firstPermit && lastPermit && compactKey(firstPermit.text) !== compactKey(lastPermit.text)) {
    // The cover and the colophon print different permit numbers; the colophon is kept.
    problems.warn(
      lastPermit.number,
      'permit-mismatch',
      `the permit number of line ${firstPermit.number} ${quote(firstPermit.text)}`,
      quote(lastPermit.text),
    );
  }

  const credit = CREDIT.exec(field('封底摄影'));
  const coverPhoto = {
    title: credit?.[1] ?? '',
    photographer: normaliseSpacing(credit?.[2] ?? ''),
  };
  for (const line of trailer) {
    const back = CREDIT.exec(line.text.trim());
    if (back && compactKey(back[2] ?? '') !== compactKey(coverPhoto.photographer)) {
      problems.warn(
        line.number,
        'photographer-mismatch',
        `the photographer of the masthead ${quote(coverPhoto.photographer)}`,
        quote(normaliseSpacing(back[2] ?? '')),
      );
    }
  }

  const publication: Publication = {
    journal,
    journalLatin: normaliseSpacing(content[latinIndex]?.text ?? ''),
    motto: normaliseSpacing(content[latinIndex + 1]?.text ?? ''),
    issue: `${year} ${issueLabel}`,
    year,
    collectionTitle: joinCoverLineBreaks(content[latinIndex + 2]?.text ?? ''),
    notice: readCoverNotice(masthead),
    publisher: field('编辑出版'),
    host: hostLine?.[1]?.trim() ?? '',
    committee,
    address: field('地址'),
    postcode: field('邮编'),
    phone: field('电话'),
    fax: field('传真'),
    email: field('电子信箱'),
    audience: field('发行对象'),
    printRun: field('印刷册数'),
    printDate: field('印刷日期'),
    permit: field('准印号'),
    printer: field('承印单位'),
    coverPhoto,
  };
  return problems.hasErrors() ? undefined : publication;
}

function splitNames(text: string): string[] {
  return text.split(/\s+/u).filter((name) => name !== '');
}
