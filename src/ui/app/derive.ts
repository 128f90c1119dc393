/** What a view of a graph gives to draw: the snapshot (or the state just after an event), the comparison, the view tree and what the legend needs. */
import { diffMarks, unionTree, viewTree, type Mark, type ViewTree } from '../../layout/view.ts';
import { nearestEvidence, type Evidence } from '../../model/across.ts';
import { compareDates } from '../../model/dates.ts';
import { diff, type Diff } from '../../model/diff.ts';
import { eventsInOrder } from '../../model/lineage.ts';
import { at as atDate, type Model } from '../../model/model.ts';
import { snapshot, type Snapshot } from '../../model/snapshot.ts';
import { justAfter, type EventStep } from '../../model/steps.ts';
import type { ChangeEvent } from '../../model/types.ts';
import { disagree } from '../../render/figures.ts';
import type { ViewState } from './state.ts';
import type { StepFolds } from './step-folds.ts';

/** What the view state gives to draw: the model, the snapshot, the comparison and the view tree. */
export interface Derived {
  model: Model;
  events: ChangeEvent[];
  snap: Snapshot;
  other?: Snapshot;
  diff?: Diff;
  marks?: Map<string, Mark[]>;
  tree: ViewTree;
  eventInputs?: Set<string>;
  eventOutputs?: Set<string>;
  /** Standing on an event: the state just after it (what left, what arrived, what to frame). */
  step?: EventStep;
  /** For the legend and the type filter. */
  drawnTypes: string[];
  graphTypes: string[];
  legend: { counted: boolean; vague: boolean; conflict: boolean; linked: boolean; inferred: boolean };
  /** When the graph has no evidence at the date (a factory chart outside its attested years): the nearest dates that have. */
  evidence?: Evidence;
}

/** The view `v` of `model` worked out (`graphTypes`: the graph's types, and `dated`: the snapshot at `v.at`, when already known). */
export function derive(model: Model, v: ViewState & { at: string }, stepFolds: StepFolds, graphTypes?: string[], dated?: Snapshot): Derived {
  const events = eventsInOrder(model.graph);
  // On an event the chart shows the state just after it, not the whole span of its date.
  const step = v.event && !v.compare ? justAfter(model, v.event) : undefined;
  const snap = step?.snapshot ?? (dated?.at.edtf === v.at ? dated : snapshot(model, atDate(v.at)));
  let other: Snapshot | undefined;
  let d: Diff | undefined;
  let marks: Map<string, Mark[]> | undefined;
  let base: Parameters<typeof viewTree>[0] = snap;
  if (v.compare) {
    other = snapshot(model, atDate(v.compare));
    d = compareDates(v.compare, v.at) <= 0 ? diff(other, snap) : diff(snap, other);
    marks = diffMarks(d);
    base = unionTree(snap, other, model.order);
  }
  const tree = stepFolds.tree(base, { hidden: new Set(v.hide), collapsed: new Set(v.collapse), focus: v.focus }, step);
  const ev = v.event ? events.find((e) => e.id === v.event) : undefined;
  const types = new Set<string>();
  const legend = { counted: false, vague: false, conflict: false, linked: false, inferred: false };
  for (const o of tree.organs.values()) {
    types.add(o.type);
    if (o.counted) legend.counted = true;
    if (o.vague) legend.vague = true;
    if (o.link) legend.linked = true;
    if (o.parentCertainty === 'inferred' && tree.parent.has(o.id)) legend.inferred = true;
    // Only an organ whose sources give two figures of a date is asked for them: working them out is lazy, and costs at thousands of organs.
    if (!legend.conflict && model.graph.kind !== 'prescribed' && sharingDates(model).has(o.id)) for (const l of o.figures.values()) if (disagree(l)) legend.conflict = true;
  }
  // No organ (but the enterprise itself) certainly there: say so, with the nearest dates that have one.
  const near = nearestEvidence(model, atDate(v.at), { include: (o) => o.type !== 'unit', certain: true });
  const evidence = near?.before || near?.after ? near : undefined;
  return {
    drawnTypes: [...types],
    graphTypes: graphTypes ?? [...new Set(model.graph.organs.map((o) => o.type))],
    legend,
    evidence,
    model,
    events,
    snap,
    other,
    diff: d,
    marks,
    tree,
    eventInputs: ev ? new Set(ev.inputs) : undefined,
    eventOutputs: ev ? new Set(ev.outputs) : undefined,
    step,
  };
}

const sharing = new WeakMap<Model, Set<string>>();
/** The organs with two figures of one measure at one date: the only ones whose figures can disagree at some date. */
function sharingDates(model: Model): Set<string> {
  let ids = sharing.get(model);
  if (!ids) {
    ids = new Set();
    for (const [id, measures] of model.figures) for (const list of measures.values()) if (list.some((f, i) => i > 0 && f.min === list[i - 1].min)) ids.add(id);
    sharing.set(model, ids);
  }
  return ids;
}
