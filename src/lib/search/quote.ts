/**
 * How the UI quotes a query in its sentences (`3 篇报告包含“两新”`): in mainland “”, without the
 * reader's own quotes doubling them. A query typed in quotes (`“两新”`, `"两新"`) is shown once
 * quoted; quotes inside a query nest as ‘’, the way Chinese nests them.
 */

const OPENING = /^["“「『]/u;
const CLOSING = /["”」』]$/u;

/** The query, trimmed, in “”; its own outer quotes dropped and inner ones turned into ‘’. */
export function quoteQuery(query: string): string {
  let text = query.trim();
  if (text.length >= 2 && OPENING.test(text) && CLOSING.test(text)) text = text.slice(1, -1);
  let straight = 0;
  const nested = text.replace(/["“”「」『』]/gu, (mark) => {
    if (mark === '"') return (straight += 1) % 2 === 1 ? '‘' : '’';
    return /[“「『]/u.test(mark) ? '‘' : '’';
  });
  return `“${nested}”`;
}
