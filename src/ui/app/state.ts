/**
 * The view state and its URL: `?graph=<id>&at=<date>&select=<organ>&compare=<date>&event=<id>
 * &hide=<type,type>&collapse=<organ,organ>&focus=<organ>&trail=<graph:organ,...>&view=flow&embed`.
 */
import { checkDate } from '../../model/dates.ts';

export interface ViewState {
  graph?: string;
  at?: string;
  select?: string;
  compare?: string;
  event?: string;
  hide: string[];
  collapse: string[];
  focus?: string;
  /** Drill-down breadcrumb: the graphs (and the organ opened in each) that led here. */
  trail: { graph: string; organ: string }[];
  /** The flow of the whole period instead of the chart at a date. */
  view?: 'flow';
  /** `?embed`: the chart (or flow) and the timeline alone, for an iframe; kept through every move. */
  embed?: boolean;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const date = (v: string | null) => (v && !checkDate(v) ? v : undefined);

export function readUrl(search: string): ViewState {
  const p = new URLSearchParams(search);
  return {
    graph: p.get('graph') ?? undefined,
    at: date(p.get('at')),
    select: p.get('select') ?? undefined,
    compare: date(p.get('compare')),
    event: p.get('event') ?? undefined,
    hide: list(p.get('hide')),
    collapse: list(p.get('collapse')),
    focus: p.get('focus') ?? undefined,
    trail: list(p.get('trail')).map((t) => {
      const [graph, organ = ''] = t.split(':');
      return { graph, organ };
    }),
    view: p.get('view') === 'flow' ? 'flow' : undefined,
    embed: p.has('embed') || undefined,
  };
}

export function writeUrl(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.graph) p.set('graph', s.graph);
  if (s.at) p.set('at', s.at);
  if (s.select) p.set('select', s.select);
  if (s.compare) p.set('compare', s.compare);
  if (s.event) p.set('event', s.event);
  if (s.hide.length) p.set('hide', s.hide.join(','));
  if (s.collapse.length) p.set('collapse', s.collapse.join(','));
  if (s.focus) p.set('focus', s.focus);
  if (s.trail.length) p.set('trail', s.trail.map((t) => `${t.graph}:${t.organ}`).join(','));
  if (s.view) p.set('view', s.view);
  const query = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return `?${query}${s.embed ? `${query ? '&' : ''}embed` : ''}`;
}
