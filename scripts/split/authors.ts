/**
 * The closing authors line of a report, `（执笔人：薛萍 凌泰炀）`, read as people type it: names
 * separated by spaces (half or full width), `、`, `，`, `；` or `/`; several groups on one line
 * (`（执笔人：薛萍）（执笔人：凌泰炀）`); either paren width; a stray full stop after it. `等` ("and
 * others") is not a name. A role other than the writers' (`审核：王五`) has no place in the
 * report's record, so it is rejected where it stands rather than read as a name.
 */
import { quote } from './errors.ts';

/** A line that starts like an authors line; whether the rest is well formed is for `parseAuthorsLine`. */
export const AUTHORS_START = /^[（(]\s*执笔人?\s*[：:]/;

// One parenthesised group: `（执笔人：薛萍 凌泰炀）`, either paren width.
const GROUP = /^\s*[（(]([^（）()]*)[）)]/u;
// A role label inside a group: `执笔人：`, `审核:`; at the start or after a separator.
const ROLE = /(?:^|[\s、，,；;])([\p{Script=Han}]{1,6})\s*[：:]/gu;
const WRITER_ROLES = new Set(['执笔人', '执笔']);
const SEPARATORS = /[\s、，,；;／/]+/u;
// A full stop typed after the closing paren.
const TRAILING_STOP = /^\s*[。．.]\s*$/u;

/** What an authors line says, and what in it is wrong. */
export interface AuthorsLine {
  /** The writers, in printed order. */
  names: string[];
  /** Whether the list ends in `等` ("and others"), which is dropped from the names. */
  etAl: boolean;
  /** A full stop after the closing paren, dropped. */
  trailingStop: boolean;
  /** What cannot be read as writers: other roles, empty groups, text after the groups. */
  problems: Array<{ expected: string; found: string }>;
}

/** Reads an authors line (one `AUTHORS_START` accepts) into writers and problems. */
export function parseAuthorsLine(text: string): AuthorsLine {
  const result: AuthorsLine = { names: [], etAl: false, trailingStop: false, problems: [] };
  let rest = text.trim();
  for (let group = GROUP.exec(rest); group; group = GROUP.exec(rest)) {
    readGroup(group[1] ?? '', result);
    rest = rest.slice(group[0].length);
  }
  if (TRAILING_STOP.test(rest)) result.trailingStop = true;
  else if (rest.trim() !== '')
    result.problems.push({
      expected: 'the authors line to end with its closing paren',
      found: `${quote(rest.trim())} after it`,
    });
  return result;
}

/** Reads the roles of one group: the writers' names are kept, any other role is a problem. */
function readGroup(content: string, result: AuthorsLine): void {
  const labels = [...content.matchAll(ROLE)];
  if (labels.length === 0 || content.slice(0, labels[0]?.index ?? 0).trim() !== '') {
    result.problems.push({
      expected: '"（执笔人：NAME NAME …）"',
      found: `the group ${quote(`（${content}）`)}`,
    });
    return;
  }
  labels.forEach((label, index) => {
    const [, role = ''] = label;
    const start = label.index + label[0].length;
    const value = content.slice(start, labels[index + 1]?.index ?? content.length).trim();
    if (!WRITER_ROLES.has(role)) {
      result.problems.push({
        expected: 'only writers (执笔人) in the authors line',
        found: `the role ${quote(`${role}：${value}`)}`,
      });
      return;
    }
    const names = value.split(SEPARATORS).filter((name) => name !== '');
    const last = names[names.length - 1];
    if (last === '等') {
      names.pop();
      result.etAl = true;
    } else if (last && last.length > 2 && last.endsWith('等')) {
      names[names.length - 1] = last.slice(0, -1);
      result.etAl = true;
    }
    if (names.length === 0)
      result.problems.push({
        expected: `names after "${role}："`,
        found: value ? quote(value) : 'none',
      });
    result.names.push(...names);
  });
}
