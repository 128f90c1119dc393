/** `export <graph> --format flow`: the whole period as a flow (src/layout/flow.ts), drawn as SVG with vector text. */
import { flowLayout } from '../layout/flow.ts';
import { parseDate } from '../model/dates.ts';
import type { Model } from '../model/model.ts';
import { flowSvg } from '../render/flow-svg.ts';

/** The flow of the whole graph; `at` (optional) draws that date as a vertical line. */
export function flowFileSvg(model: Model, at?: string): string {
  const flow = flowLayout(model);
  const titles = new Map((model.graph.events ?? []).map((e) => [e.id, e.title]));
  return flowSvg(flow, {
    title: `${model.graph.title}: the hierarchy over time`,
    at: at === undefined ? undefined : parseDate(at).min,
    eventTitle: (id) => titles.get(id),
  });
}
