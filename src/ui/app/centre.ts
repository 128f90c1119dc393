/**
 * The shell's centre: the caption strip (title, date, Chart/Flow, focus), the chart or the flow
 * with what lies over it (fold buttons, the step's caption, a notice, no evidence, the legend),
 * and the timeline.
 */
import { html, nothing } from 'lit';
import type { Evidence } from '../../model/across.ts';
import { formatDate } from '../../model/dates.ts';
import type { Explorer } from './explorer.ts';
import { on } from '../shared/events.ts';
import type { Region } from './region.ts';
import { writeUrl } from './state.ts';
import { followGroups, stepCaption } from './stepping.ts';

/** The side panels' folding, and the pixels the overlays cover (kept clear by the chart). */
export interface CentreFrame {
  folded: { left: boolean; right: boolean };
  fold(side: 'left' | 'right'): void;
  legendHeight: number;
  captionHeight: number;
}

export function centreTemplate(r: Region, f: CentreFrame) {
  const { x, d } = r;
  const v = x.view;
  const graph = d.model.graph;
  const currentEvent = v.event ? d.events.find((e) => e.id === v.event) : undefined;
  return html`<section class="centre" aria-label="Chart and timeline">
    <div class="caption">
      <h1>${graph.title}</h1>
      ${v.embed ? html`<a class="embed-open" href=${writeUrl({ ...v, embed: undefined })} target="_blank" rel="noopener">Open in apparat</a>` : nothing}
      <p>
        ${graph.kind === 'prescribed' ? html`<span class="pill">prescribed structure</span>` : nothing}
        at <strong>${formatDate(v.at)}</strong>${v.compare ? html`, compared with <strong>${formatDate(v.compare)}</strong>` : nothing}
        <span class="views" role="group" aria-label="View">
          <button type="button" aria-pressed=${v.view ? 'false' : 'true'} @click=${() => x.setView(undefined)}>Chart</button>
          <button type="button" aria-pressed=${v.view === 'flow' ? 'true' : 'false'} @click=${() => x.setView('flow')}>Flow</button>
        </span>
        ${v.focus
          ? html` · <span class="pill">focused on ${r.names(v.focus)} <button type="button" class="x" aria-label="Show everything" @click=${() => x.setFocus(undefined)}>×</button></span>`
          : nothing}
      </p>
    </div>
    <div class="chartbox">
      ${foldButton(f, 'left', 'outline')} ${foldButton(f, 'right', 'details and events')}
      ${v.view === 'flow'
        ? html`<apparat-flow
            .model=${d.model}
            at=${v.at ?? ''}
            .hiddenTypes=${v.hide}
            focus-organ=${v.focus ?? ''}
            .collapsed=${v.collapse}
            selected=${v.select ?? ''}
            event=${v.event ?? ''}
            @organ-go=${on('organ-go', ({ id, at }) => x.showOrgan(id, at, { view: undefined }))}
            @event-choose=${on('event-choose', ({ id }) => x.chooseEvent(id, { view: undefined }))}
            @date-input=${on('date-input', ({ at }) => x.setDate(at, 'replace'))}
            @date-change=${on('date-change', ({ at }) => x.setDate(at))}
          ></apparat-flow>`
        : html`<apparat-chart
            .tree=${d.tree}
            .marks=${d.marks}
            .eventInputs=${d.eventInputs}
            .eventOutputs=${d.eventOutputs}
            .selected=${v.select}
            .found=${x.found}
            fit-key=${`${v.graph}|${v.focus ?? ''}|${v.hide.join(',')}`}
            .insetBottom=${f.legendHeight}
            .insetTop=${f.captionHeight}
            .follow=${d.step ? { key: `${v.graph}|${d.step.event.id}`, groups: followGroups(d.step) } : undefined}
            ?prescribed=${graph.kind === 'prescribed'}
            @organ-select=${r.select}
            @organ-open=${r.open}
          ></apparat-chart>`}
      ${currentEvent && !v.view ? stepCaption(currentEvent, graph) : nothing}
      ${x.notice ? html`<p class="notice" role="status">${x.notice} <button type="button" class="x" aria-label="Dismiss" @click=${() => x.update({ notice: undefined })}>×</button></p>` : nothing}
      ${d.evidence && !v.view
        ? noEvidence(x, d.evidence)
        : d.tree.organs.size === 0 && !v.view ? html`<p class="nothing">Nothing in this graph existed at ${formatDate(v.at)}. Move the timeline.</p>` : nothing}
      ${v.view
        ? nothing
        : html`<apparat-legend
            .types=${d.drawnTypes}
            ?counted=${d.legend.counted}
            ?vague=${d.legend.vague}
            ?conflict=${d.legend.conflict}
            ?linked=${d.legend.linked}
            ?inferred=${d.legend.inferred}
            ?event=${!!d.eventInputs}
            ?found=${!!x.found?.size}
          ></apparat-legend>`}
    </div>
    <apparat-timeline
      .period=${d.model.period}
      .at=${v.at ?? ''}
      .events=${d.events}
      .current=${v.event}
      .compare=${v.compare}
      @date-input=${on('date-input', ({ at }) => x.setDate(at, 'replace'))}
      @date-change=${on('date-change', ({ at, replace }) => x.setDate(at, replace ? 'replace' : 'push'))}
      @event-choose=${r.chooseEvent}
    ></apparat-timeline>
  </section>`;
}

/** The button that folds a side panel away, or unfolds it. */
function foldButton(f: CentreFrame, side: 'left' | 'right', what: string) {
  const folded = f.folded[side];
  const arrow = (side === 'left') !== folded ? '‹' : '›';
  return html`<button type="button" class="fold ${side}" aria-pressed=${folded ? 'true' : 'false'} aria-label=${`${folded ? 'Show' : 'Hide'} the ${what}`} title=${`${folded ? 'Show' : 'Hide'} the ${what}`} @click=${() => f.fold(side)}>${arrow}</button>`;
}

/** A chart without evidence at the date: the nearest dates that have some, to go to. */
function noEvidence(x: Explorer, e: Evidence) {
  const go = (at: string, label: string) => html`<button type="button" @click=${() => x.setDate(at)}>${label} ${formatDate(at)}</button>`;
  return html`<div class="nothing no-evidence" role="status">
    <p><strong>No evidence for this period.</strong> The sources attest none of this chart's party organs in ${formatDate(x.view.at)}.</p>
    <p>${e.before ? go(e.before, '← Last evidence:') : nothing} ${e.after ? go(e.after, 'Next evidence:') : nothing}</p>
  </div>`;
}
