/**
 * Dates as spreadsheets write them (`01.11.1927`, `11/1/1927`, `July 1930`, `1927-11-01 00:00:00`)
 * and the EDTF form they probably mean, to suggest it: a guess is never taken silently.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

const day = (y: number, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${pad(m)}-${pad(d)}` : undefined);

/**
 * The EDTF a spreadsheet's date probably means, in words for a message: `1927-11-01`, or
 * `1927-11-01 (month first) or 1927-01-11 (day first)` where the order is unknown; undefined
 * when there is no good guess.
 */
export function suggestEdtf(text: string): string | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  // A date-time: the day.
  if ((m = /^(\d{4})-(\d\d)-(\d\d)[T ]\d\d:\d\d/.exec(t))) return `${m[1]}-${m[2]}-${m[3]}`;
  // 01.11.1927 (day.month.year, as in most of Europe)
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) return day(+m[3], +m[2], +m[1]);
  // 11.1927, 11/1927
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return +m[1] >= 1 && +m[1] <= 12 ? `${m[2]}-${pad(+m[1])}` : undefined;
  // 1927/11/01, 1927.11.01
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t))) return day(+m[1], +m[2], +m[3]);
  // 11/1/1927: month first (US) or day first; said both ways unless one part is over 12
  if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t))) {
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    const monthFirst = day(y, a, b);
    const dayFirst = day(y, b, a);
    if (monthFirst && dayFirst && monthFirst !== dayFirst) return `${monthFirst} (month first) or ${dayFirst} (day first)`;
    return monthFirst ?? dayFirst;
  }
  // July 1930, Jul. 1930
  if ((m = /^([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(t)) && monthOf(m[1])) return `${m[2]}-${pad(monthOf(m[1])!)}`;
  // 1 July 1930, July 1, 1930
  if ((m = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(t)) && monthOf(m[2])) return day(+m[3], monthOf(m[2])!, +m[1]);
  if ((m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t)) && monthOf(m[1])) return day(+m[3], monthOf(m[1])!, +m[2]);
  // c. 1930, ca. 1930, circa 1930: approximate
  if ((m = /^(?:c\.|ca\.?|circa)\s*(\d{4})$/i.exec(t))) return `${m[1]}~`;
  // 1930s: the decade
  if ((m = /^(\d{3})0s$/.exec(t))) return `${m[1]}X`;
  return undefined;
}
