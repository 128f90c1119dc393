/**
 * Full names on nodes: a word wrap to at most three lines that never cuts a name ("…"). When a
 * name does not fit the lines at the given width, the width grows until it does; the node takes
 * the width and the height its lines need.
 */

export interface WrapOptions {
  /** The width a line may take, in the units of `measure` (default: characters). */
  maxWidth: number;
  /** At most this many lines (default 3). */
  maxLines?: number;
  /** The width of a piece of text (default: its length in characters). */
  measure?: (text: string) => number;
}

export interface Wrapped {
  lines: string[];
  /** The widest line. */
  width: number;
}

/** Pieces of a name that a line may end after: words, and the parts of a hyphenated word after each hyphen. */
function pieces(text: string): { text: string; glued: boolean }[] {
  const out: { text: string; glued: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = word.split(/(?<=-)(?=.)/);
    parts.forEach((p, i) => out.push({ text: p, glued: i > 0 }));
  }
  return out;
}

function greedy(ps: { text: string; glued: boolean }[], width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const p of ps) {
    const joined = line === '' ? p.text : line + (p.glued ? '' : ' ') + p.text;
    if (line !== '' && measure(joined) > width) {
      lines.push(line);
      line = p.text;
    } else line = joined;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The name as lines of at most `maxWidth` (wider only when it cannot otherwise fit in `maxLines`). */
export function wrapLabel(text: string, o: WrapOptions): Wrapped {
  const measure = o.measure ?? ((s: string) => s.length);
  const maxLines = Math.max(1, o.maxLines ?? 3);
  const ps = pieces(text);
  if (ps.length === 0) return { lines: [], width: 0 };
  let lines = greedy(ps, o.maxWidth, measure);
  if (lines.length > maxLines) {
    // The fewest lines come with more width: find the least width that gives maxLines (on one line it always fits).
    let lo = o.maxWidth;
    let hi = measure(ps.map((p, i) => (i > 0 && !p.glued ? ' ' : '') + p.text).join(''));
    for (let i = 0; i < 40 && hi - lo > 0.5; i++) {
      const mid = (lo + hi) / 2;
      if (greedy(ps, mid, measure).length > maxLines) lo = mid;
      else hi = mid;
    }
    lines = greedy(ps, hi, measure);
  }
  return { lines, width: Math.max(...lines.map(measure)) };
}

export interface HeightOptions {
  /** Height of one line of text (model units). */
  lineHeight: number;
  /** Space above and below the text, together. */
  padding: number;
  /** The least height of a node (one line's node). */
  minHeight?: number;
}

/** The height a node needs for its label's lines. */
export function labelHeight(lineCount: number, o: HeightOptions): number {
  return Math.max(o.minHeight ?? 0, Math.max(1, lineCount) * o.lineHeight + o.padding);
}
