/**
 * Seeded synthetic libraries for the search benchmark and the large-library quality test: report
 * bodies are Markov text trained on the real reports, with strings planted where the suite needs
 * to know exactly where they are — phrases in exactly 1, 10 and 100 reports, author names, units,
 * numbers with and without the source's spaces, Latin words, and a string cut by a page break and
 * joined again by the split's own repair rule (`joinText`).
 *
 * The output is what the index stage receives from a real build (`IndexSource`: the report's
 * frontmatter fields and the body blocks read back from its built page), so the benchmark feeds
 * the index builder directly instead of building 1,200 Astro pages. Lives with the benchmarks:
 * never in content/, never shipped.
 */
import { joinText } from '../split/repair.ts';
import type { IndexSource } from '../index/build-search-index.ts';
import type { ShardBlock } from '../../src/lib/search/types.ts';
import type { SuiteQuery, SuiteReport } from '../lib/search-suite.ts';
import { reportsContaining } from '../lib/search-suite.ts';
import { LEGACY_EDITION } from '../../src/lib/urls.ts';

/** The one edition a synthetic library is: the real one's key, so its addresses are real ones. */
export const SYNTHETIC_EDITION = { key: LEGACY_EDITION, label: '2025 增刊' };

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same library on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A character-level Markov chain of a fixed order. */
export interface MarkovModel {
  order: number;
  /** Followers of each context, repeated by frequency. */
  next: Map<string, string[]>;
  /** Contexts that start a sentence. */
  starts: string[];
}

/** Trains a character Markov model of `order` on paragraphs of text. */
export function trainMarkov(paragraphs: readonly string[], order = 3): MarkovModel {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const paragraph of paragraphs) {
    const characters = [...paragraph];
    for (let index = 0; index + order < characters.length; index += 1) {
      const context = characters.slice(index, index + order).join('');
      if (index === 0 || characters[index - 1] === '。') starts.push(context);
      const followers = next.get(context) ?? [];
      followers.push(characters[index + order] ?? '');
      next.set(context, followers);
    }
  }
  if (starts.length === 0) throw new Error('trainMarkov: expected paragraphs of text, found none');
  return { order, next, starts };
}

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick: expected a non-empty list');
  return item;
};

/** Generates about `length` characters of text, ending at a full stop where the chain allows. */
export function generateText(model: MarkovModel, random: () => number, length: number): string {
  const characters = [...pick(random, model.starts)];
  while (characters.length < length || characters[characters.length - 1] !== '。') {
    const followers = model.next.get(characters.slice(-model.order).join(''));
    if (!followers || characters.length > length * 2) {
      characters.push('。');
      if (characters.length >= length) break;
      characters.push(...pick(random, model.starts));
    } else characters.push(pick(random, followers));
  }
  return characters.join('');
}

/** A phrase cut short at its first punctuation, at most `max` characters (for titles and headings). */
function phraseOf(text: string, max: number): string {
  const cut = text.split(/[，。；：、“”（）《》\s]/u).find((part) => part.length >= 4) ?? text;
  return [...cut].slice(0, max).join('');
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉'];

// Planted strings use characters the real reports never contain (checked in plantedStrings), so
// the reports that hold one are exactly the reports it was planted in.
const PLANTED = {
  one: '琥珀灯塔计划',
  ten: '翡翠梧桐工程',
  hundred: '玳瑁齿轮机制',
  name: '禚翃',
  latin: 'Qzx 平台',
  spacedNumber: '增加 37.5 万人次',
  pageBreak: ['鸬鹚湾社', '区'],
} as const;

/** Everything the generator plants, for the suite to query. */
export const PLANTED_STRINGS = PLANTED;

/** Options of a synthetic library. */
export interface LibraryOptions {
  reports: number;
  seed?: number;
  /** Body characters per report, about (the real reports have about 5,000). */
  characters?: number;
}

/** The report id: its order padded to at least two digits, as the widened content schema spells it. */
export function syntheticId(order: number): string {
  return String(order).padStart(2, '0');
}

/** Reports (by position) that get a planted string: `count` of them, spread by the seed. */
function chosen(random: () => number, total: number, count: number): Set<number> {
  const positions = Array.from({ length: total }, (_, index) => index);
  for (let index = positions.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [positions[index], positions[other]] = [positions[other] ?? 0, positions[index] ?? 0];
  }
  return new Set(positions.slice(0, Math.min(count, total)));
}

/** Generates one library of `options.reports` reports from a model trained on real text. */
export function generateLibrary(model: MarkovModel, options: LibraryOptions): IndexSource[] {
  const random = createRandom(options.seed ?? 20251);
  const total = options.reports;
  const size = options.characters ?? 5000;
  const units = Array.from(
    { length: Math.max(3, Math.ceil(total / 4)) },
    (_, index) => `${phraseOf(generateText(model, random, 8), 4)}${index + 1}号课题组`,
  );
  const plants = {
    one: chosen(random, total, 1),
    ten: chosen(random, total, 10),
    hundred: chosen(random, total, 100),
    name: chosen(random, total, 3),
    latin: chosen(random, total, 5),
    spacedNumber: chosen(random, total, 4),
    pageBreak: chosen(random, total, 2),
  };
  const sources: IndexSource[] = [];
  for (let position = 0; position < total; position += 1) {
    const plant = (key: keyof typeof plants): boolean => plants[key].has(position);
    const name = (): string =>
      `${pick(random, SURNAMES)}${pick(random, GIVEN)}${pick(random, GIVEN)}`;
    const authors = [name(), name()];
    if (plant('name')) authors[1] = PLANTED.name;
    const blocks: ShardBlock[] = [];
    const paragraph = (): string => generateText(model, random, 250 + Math.floor(random() * 250));
    // Planted strings go into paragraphs, at a sentence boundary so they stay whole.
    const extras: string[] = [];
    if (plant('one')) extras.push(`实施${PLANTED.one}。`);
    if (plant('ten')) extras.push(`推进${PLANTED.ten}。`);
    if (plant('hundred')) extras.push(`完善${PLANTED.hundred}。`);
    if (plant('latin')) extras.push(`依托${PLANTED.latin}开展服务。`);
    if (plant('spacedNumber')) extras.push(`全年${PLANTED.spacedNumber}。`);
    const introduction = paragraph();
    blocks.push(['p0-1', introduction]);
    let written = introduction.length;
    for (let section = 1; written < size; section += 1) {
      const number = CHINESE_NUMBERS[(section - 1) % 10] ?? '一';
      blocks.push([`s${section}`, `${number}、${phraseOf(generateText(model, random, 20), 16)}`]);
      for (let sub = 1; sub <= 2 && written < size; sub += 1) {
        const subNumber = CHINESE_NUMBERS[sub - 1] ?? '一';
        blocks.push([
          `s${section}-${sub}`,
          `（${subNumber}）${phraseOf(generateText(model, random, 16), 12)}`,
        ]);
        for (let index = 1; index <= 2; index += 1) {
          let text = paragraph();
          const extra = extras.shift();
          if (extra) text = `${text}${extra}`;
          if (plant('pageBreak') && section === 1 && sub === 1 && index === 1)
            // The PDF cut this paragraph at a page break; the split joins the two halves again.
            text = joinText(`${text}位于${PLANTED.pageBreak[0]}`, `${PLANTED.pageBreak[1]}东侧。`);
          blocks.push([`p${section}-${sub}-${index}`, text]);
          written += text.length;
        }
      }
    }
    const order = position + 1;
    sources.push({
      meta: {
        key: `${SYNTHETIC_EDITION.key}-${syntheticId(order)}`,
        edition: SYNTHETIC_EDITION.key,
        id: syntheticId(order),
        title: phraseOf(generateText(model, random, 24), 20),
        ...(random() < 0.4
          ? { subtitle: `以${phraseOf(generateText(model, random, 10), 6)}为例` }
          : {}),
        unit: pick(random, units),
        authors,
        page: order * 5,
      },
      blocks,
    });
  }
  return sources;
}

/** The library as the suite sees it (the same shape tests read from content/reports). */
export function toSuiteReports(sources: readonly IndexSource[]): SuiteReport[] {
  return sources.map(({ meta, blocks }) => ({
    id: meta.id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    unit: meta.unit,
    authors: meta.authors,
    blocks: blocks.map(([, text]) => text),
  }));
}

/**
 * The suite over a synthetic library: planted phrases (1, 10, 100 reports), names, units, numbers
 * with and without the source's spaces, Latin, the repaired page break, 2-character words and
 * phrases sampled from the text, titles, and absent strings; expected answers computed from the
 * text by the suite's own independent matcher.
 */
export function buildSyntheticSuite(sources: readonly IndexSource[], seed = 7): SuiteQuery[] {
  const reports = toSuiteReports(sources);
  const random = createRandom(seed);
  const queries: Array<[label: string, query: string]> = [
    ['planted in 1 report', PLANTED.one],
    ['planted in 10 reports', PLANTED.ten],
    ['planted in 100 reports', PLANTED.hundred],
    ['author name', PLANTED.name],
    ['Latin, as printed', PLANTED.latin],
    ['Latin, lower case without the space', PLANTED.latin.toLowerCase().replace(/\s+/g, '')],
    ['number without the spaces', PLANTED.spacedNumber.replace(/\s+/g, '')],
    ['number as printed', PLANTED.spacedNumber],
    ['string across a repaired page break', PLANTED.pageBreak.join('')],
  ];
  const someReport = (): SuiteReport => pick(random, reports);
  for (let index = 0; index < 3; index += 1) queries.push(['unit', someReport().unit]);
  for (let index = 0; index < 3; index += 1) queries.push(['title', someReport().title]);
  for (let index = 0; index < 8; index += 1) {
    // A run of text between punctuation marks, so the phrase occurs as typed.
    const runs = someReport()
      .blocks.flatMap((text) => text.split(/[\p{P}\s]+/u))
      .filter((run) => run.length >= 8);
    const run = pick(random, runs);
    const start = Math.floor(random() * (run.length - 7));
    queries.push(['two characters', run.slice(start, start + 2)]);
    queries.push(['phrase from the text', run.slice(start, start + 4 + (index % 4))]);
  }
  const absent: Array<[string, string]> = [
    ['absent', '宇宙飞船着陆火星'],
    ['absent', '量子纠缠通信网络'],
    ['absent', 'zxqvj'],
  ];
  return [...queries, ...absent].map(([label, query]) => {
    const expected = reportsContaining(reports, query);
    const kind = label === 'absent' ? 'absent' : 'exact';
    const titleHits = reportsContaining(
      reports.map((report) => ({ ...report, unit: '', authors: [], blocks: [] })),
      query,
    );
    return { label, query, kind, expected, titleHits: kind === 'exact' ? titleHits : [] };
  });
}

/** Checks that no planted string occurs in the training text, so plants land exactly where placed. */
export function checkPlantedStrings(trainingText: string): void {
  const strings = [
    PLANTED.one,
    PLANTED.ten,
    PLANTED.hundred,
    PLANTED.name,
    PLANTED.pageBreak.join(''),
  ];
  const found = strings.filter((text) => trainingText.includes(text));
  if (found.length > 0)
    throw new Error(
      `synthetic-library: planted strings occur in the real text: ${found.join(', ')}`,
    );
}
