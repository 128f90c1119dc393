/**
 * Finding organs by any of their names (at any date), their aliases (other spellings, OCR
 * variants, glosses) or the people who held their posts. Pure: no DOM.
 */
import { compareDates } from './dates.ts';
import type { Model } from './model.ts';

export interface SearchHit {
  id: string;
  /** The organ's latest name. */
  name: string;
  /** What matched. */
  via: 'name' | 'former name' | 'alias' | 'person' | 'id';
  /** The text that matched (a name, an alias, or "post: person"). */
  text: string;
  score: number;
}

/** Lower case, without accents, apostrophes, soft signs and punctuation: "Smol'ninskii" ~ "smolninskii". */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’ʹʼ`"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function matchScore(text: string, q: string): number {
  const t = normalise(text);
  if (!t || !q) return 0;
  if (t === q) return 4;
  if (t.startsWith(q)) return 3;
  if (t.includes(` ${q}`)) return 2.5;
  if (t.includes(q)) return 2;
  // Every word of the query in the text.
  const words = q.split(' ');
  if (words.length > 1 && words.every((w) => t.includes(w))) return 1.5;
  return 0;
}

export function searchOrgans(model: Model, query: string, limit = 20): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const best = new Map<string, SearchHit>();
  const offer = (hit: SearchHit) => {
    const prev = best.get(hit.id);
    if (!prev || hit.score > prev.score) best.set(hit.id, hit);
  };
  const latestName = (id: string) => {
    const names = model.organs.get(id)!.names;
    return [...names].sort((a, b) => compareDates(a.start ?? '..', b.start ?? '..')).at(-1)?.name ?? id;
  };
  for (const [id, organ] of model.organs) {
    const latest = latestName(id);
    for (const n of organ.names) {
      const s = matchScore(n.name, q);
      if (s) offer({ id, name: latest, via: n.name === latest ? 'name' : 'former name', text: n.name, score: s + 1 });
    }
    for (const a of organ.aliases ?? []) {
      const s = matchScore(a, q);
      if (s) offer({ id, name: latest, via: 'alias', text: a, score: s + 0.5 });
    }
    if (normalise(id) === q) offer({ id, name: latest, via: 'id', text: id, score: 1 });
  }
  for (const [organ, posts] of model.postsByOrgan) {
    if (!model.organs.has(organ)) continue;
    for (const { item } of posts) {
      const person = model.people.get(item.person);
      const names = [person?.name ?? item.person, ...(person?.aliases ?? [])];
      const s = Math.max(...names.map((n) => matchScore(n, q)));
      if (s) offer({ id: organ, name: latestName(organ), via: 'person', text: `${item.post}: ${person?.name ?? item.person}`, score: s });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (model.order.get(a.id) ?? 0) - (model.order.get(b.id) ?? 0))
    .slice(0, limit);
}
