/** Predecessors and successors through splits, merges, renames and other events. */
import { compareDates } from './dates.ts';
import { compareEventDates, stepOrder } from './steps.ts';
import type { ChangeEvent, Graph } from './types.ts';

export interface LineageStep {
  organ: string;
  /** The event that links it, and its date. */
  event: string;
  date: string;
  kind: ChangeEvent['kind'];
  /** 1 for a direct predecessor or successor, 2 for theirs, and so on. */
  depth: number;
}

export interface Lineage {
  predecessors: LineageStep[];
  successors: LineageStep[];
}

const LINEAGE_KINDS = new Set(['split', 'merge', 'rename', 'create', 'abolish']);

export function lineage(graph: Graph, organ: string): Lineage {
  const events = (graph.events ?? []).filter((e) => LINEAGE_KINDS.has(e.kind));
  const walk = (direction: 'back' | 'forward'): LineageStep[] => {
    const found: LineageStep[] = [];
    const seen = new Set([organ]);
    let frontier = [organ];
    for (let depth = 1; frontier.length; depth++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const e of events) {
          const [from, to] = direction === 'back' ? [e.outputs, e.inputs] : [e.inputs, e.outputs];
          if (!from.includes(id)) continue;
          for (const other of to) {
            if (seen.has(other)) continue;
            seen.add(other);
            next.push(other);
            found.push({ organ: other, event: e.id, date: e.date, kind: e.kind, depth });
          }
        }
      }
      frontier = next;
    }
    return found.sort((a, b) => a.depth - b.depth || compareDates(a.date, b.date));
  };
  return { predecessors: walk('back'), successors: walk('forward') };
}

/** Events whose inputs or outputs include the organ, in stepping order (steps.ts). */
export function eventsOf(graph: Graph, organ: string): ChangeEvent[] {
  return (graph.events ?? [])
    .filter((e) => e.inputs.includes(organ) || e.outputs.includes(organ))
    .sort((a, b) => compareEventDates(a.date, b.date));
}

/**
 * All events in stepping order: by the last instant of their date, the finer date first, so an
 * event dated only by a month, season or year follows those dated within it (steps.ts).
 */
export function eventsInOrder(graph: Graph): ChangeEvent[] {
  return stepOrder(graph.events ?? []);
}
