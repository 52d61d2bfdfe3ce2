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
const FIELD_LABELS: Record<string, keyof Publication> = {
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
  编辑出版: 'publisher',
  封底摄影: 'coverPhoto',
};

/** Parses the masthead lines (everything before `目录`) and checks the back-cover credit against it. */
export function parsePublication(
  masthead: readonly SourceLine[],
  trailer: readonly SourceLine[],
  tocLine: number,
  problems: Problems,
): Publication | undefined {
  const content = masthead.filter((line) => line.text.trim() !== '');
  const fields = new Map<string, SourceLine[]>();
  const committee: CommitteeRole[] = [];
  let inCommittee = false;
  let previousLabel: string | undefined;
  masthead.forEach((line) => {
    const text = line.text.trim();
    if (text === '') {
      // The committee ends at the first blank line after its roles (a blank may follow its heading).
      if (committee.length > 0) inCommittee = false;
      previousLabel = undefined;
      return;
    }
    if (compactKey(text) === '编审委员会') {
      inCommittee = true;
      return;
    }
    const match = LABELLED.exec(text);
    if (match) {
      const label = match[1] ?? '';
      const value = normaliseSpacing(match[2] ?? '');
      previousLabel = label;
      if (label in FIELD_LABELS) {
        fields.set(label, [...(fields.get(label) ?? []), { number: line.number, text: value }]);
      } else if (inCommittee) {
        committee.push({ role: label, names: splitNames(value) });
      }
      return;
    }
    const role = committee[committee.length - 1];
    if (inCommittee && role && previousLabel === role.role) role.names.push(...splitNames(text));
  });

  const missing = (label: string): void =>
    problems.fail(
      tocLine,
      'missing-masthead-field',
      `"${label}：…" in the masthead before "目录"`,
      'no such line',
    );
  const field = (label: string): string => {
    const values = fields.get(label);
    if (!values || values.length === 0) {
      missing(label);
      return '';
    }
    return (values[values.length - 1] as SourceLine).text;
  };

  const latinIndex = content.findIndex((line) => LATIN.test(line.text.trim()));
  const yearIndex = content.findIndex((line) => YEAR.test(line.text.trim()));
  const hostLine = content.map((line) => HOST.exec(line.text.trim())).find((match) => match);
  const journal = content[0]?.text.trim() ?? '';
  if (latinIndex < 0) missing('NAN JING XIN FENG');
  if (yearIndex < 0) missing('2025');
  if (!hostLine) missing('…主办');
  if (committee.length === 0) missing('编审委员会');
  const year = Number(content[yearIndex]?.text.trim() ?? 0);
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
