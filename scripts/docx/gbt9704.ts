/**
 * The page and type conventions of Chinese official documents, GB/T 9704—2012 《党政机关公文格式》,
 * as numbers Word understands (twips = 1/20 pt; font sizes in half-points). Every value says
 * which clause it comes from, or that it is our choice where the standard is silent.
 */
import { convertMillimetersToTwip } from 'docx';

/** Twips in one point. */
const TWIPS_PER_POINT = 20;

/** Returns a length in points as twips. */
export function pointsToTwips(points: number): number {
  return Math.round(points * TWIPS_PER_POINT);
}

/** Returns a font size in points as the half-points OOXML's `w:sz` counts. */
export function pointsToHalfPoints(points: number): number {
  return Math.round(points * 2);
}

/**
 * The traditional Chinese type sizes (字号) in points. GB/T 9704 names sizes this way: 2号 for
 * the title (§7.3.1), 3号 for the body (§5.2.2, §7.3.3), 4号 for page numbers (§7.5).
 */
export const TYPE_SIZE = {
  /** 初号 */
  chuhao: 42,
  /** 一号 */
  yihao: 26,
  /** 二号 */
  erhao: 22,
  /** 三号 */
  sanhao: 16,
  /** 四号 */
  sihao: 14,
  /** 小四 */
  xiaosi: 12,
  /** 五号 */
  wuhao: 10.5,
  /** 小五 */
  xiaowu: 9,
} as const;

/**
 * A4 (GB/T 148) with the margins of §5.2.1: 天头 (top) 37 mm ± 1, 订口 (left) 28 mm ± 1 and a
 * 版心 (type area) of 156 mm × 225 mm, page number not included. The right and bottom margins
 * follow: 210 − 28 − 156 = 26 mm, 297 − 37 − 225 = 35 mm.
 */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  typeAreaWidthMm: 156,
  typeAreaHeightMm: 225,
} as const;

/** The page margins in millimetres, derived from the type area. */
export const MARGINS_MM = {
  top: PAGE.topMm,
  bottom: PAGE.heightMm - PAGE.topMm - PAGE.typeAreaHeightMm,
  left: PAGE.leftMm,
  right: PAGE.widthMm - PAGE.leftMm - PAGE.typeAreaWidthMm,
} as const;

/**
 * Where the header and footer sit, measured from the page edge. The standard has no running
 * header (ours carries the journal and issue) and puts the page number 7 mm below the type area
 * (§7.5); our footer holds the page number and, under it, a citation of two lines at most, so its
 * bottom is placed 14 mm from the page edge: 35 − 7 mm for the number line (4.9 mm) and two
 * citation lines (8.5 mm) leaves 14.6 mm. Word grows a footer upwards from this distance.
 */
export const HEADER_FOOTER_MM = { header: 20, footer: 14 } as const;

/** The section page setup shared by every document: A4 portrait and the GB/T 9704 margins, in twips. */
export const PAGE_SETUP = {
  size: {
    width: convertMillimetersToTwip(PAGE.widthMm),
    height: convertMillimetersToTwip(PAGE.heightMm),
  },
  margin: {
    top: convertMillimetersToTwip(MARGINS_MM.top),
    bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
    left: convertMillimetersToTwip(MARGINS_MM.left),
    right: convertMillimetersToTwip(MARGINS_MM.right),
    header: convertMillimetersToTwip(HEADER_FOOTER_MM.header),
    footer: convertMillimetersToTwip(HEADER_FOOTER_MM.footer),
    gutter: 0,
  },
} as const;

/**
 * Line spacing of the body: exactly 28 pt. §5.2.3 asks for 22 lines a page filling the 225 mm
 * type area, a pitch of about 29 pt; office templates use a fixed 28–29 pt, and a fixed value
 * (not “multiple”) keeps every line on the same pitch whatever font Word substitutes.
 */
export const BODY_LINE_POINTS = 28;

/** First-line indent of body paragraphs and headings: two characters (§7.3.3 “每个自然段左空二字”). */
export const FIRST_LINE_CHARS = 2;

/** A font the documents name, the names Word may find it under, and its script. */
export interface FontFace {
  /** The name written into the runs (`w:rFonts w:eastAsia`) and the font table. */
  name: string;
  /**
   * Alternative names, in order of preference, for the font table's `w:altName`: ECMA-376
   * §17.8.3.1 lets a consumer locate the font under these when the primary name is missing.
   * OOXML has no CSS-style fallback list; this and the GB2312 character set below are what Word
   * and WPS use to choose a substitute.
   */
  alternatives: readonly string[];
}

/**
 * The faces of §7.3.1, §7.3.3 and §7.5: the title in 小标宋, 一、 headings in 黑体, （一） headings
 * in 楷体, the body in 仿宋, page numbers in 宋体. The `_GB2312` names are the faces on most office
 * machines with the GB2312 character set; plain 仿宋/楷体 ship with Windows since Vista.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alternatives: ['华文中宋', '宋体'] },
  section: { name: '黑体', alternatives: ['SimHei'] },
  subsection: { name: '楷体_GB2312', alternatives: ['楷体', 'KaiTi'] },
  body: { name: '仿宋_GB2312', alternatives: ['仿宋', 'FangSong'] },
  pageNumber: { name: '宋体', alternatives: ['SimSun'] },
} as const satisfies Record<string, FontFace>;

/**
 * Latin letters and digits in body text: Times New Roman, the usual companion of the Chinese
 * faces in office documents (the standard only asks for Arabic numerals).
 */
export const LATIN_FONT = 'Times New Roman';

/** Windows' GB2312 character-set number (`w:charset`, 0x86), which marks a simplified-Chinese face. */
export const GB2312_CHARSET = '86';
