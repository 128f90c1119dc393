/**
 * Standing on an event in the explorer: what the chart follows (the event's change), the caption
 * strip that names it, and the side panels' fold state (kept in this browser).
 */
import { html, nothing } from 'lit';
import { formatDate } from '../../model/dates.ts';
import type { EventStep } from '../../model/steps.ts';
import type { ChangeEvent, Graph } from '../../model/types.ts';

/**
 * The groups of organs the chart frames after a step, the first that fits legibly: the event's
 * outputs and other inputs, then its outputs alone (when none fits, as many outputs as can be read).
 */
export function followGroups(step: EventStep): string[][] {
  const outputs = new Set(step.event.outputs);
  const out = step.framed.filter((id) => outputs.has(id));
  return [step.framed, out].filter((g) => g.length);
}

/** The strip over the chart naming the event, its date and its source. */
export function stepCaption(e: ChangeEvent, graph: Graph) {
  const src = e.sources.map((id) => graph.sources[id]).find(Boolean);
  return html`<div class="step-caption" role="status">
    <p class="what"><span class="date">${formatDate(e.date)}</span> <strong>${e.title}</strong></p>
    ${src ? html`<p class="source">Source: <cite>${src.citation}</cite>${src.lines ? `, thesis lines ${src.lines}` : nothing}</p>` : nothing}
  </div>`;
}

export interface Folded {
  left: boolean;
  right: boolean;
}

const KEY = 'apparat:folded-panels';

export function readFolded(): Folded {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Folded>;
    return { left: v.left === true, right: v.right === true };
  } catch {
    return { left: false, right: false };
  }
}

export function writeFolded(f: Folded): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(f));
  } catch {
    // Storage may be off; the panels stay as they are for this page.
  }
}
