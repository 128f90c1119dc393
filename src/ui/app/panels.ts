/**
 * The shell's side panels: the outline on the left; on the right the tabs Details (an organ, a
 * person, or the graph's overview), Events and Compare.
 */
import { html, nothing } from 'lit';
import type { Graph } from '../../model/types.ts';
import { on } from '../shared/events.ts';
import { TABS, type Derived, type Explorer, type Tab } from './explorer.ts';
import type { Region } from './region.ts';

const TAB_NAMES: Record<Tab, string> = { details: 'Details', events: 'Events', compare: 'Compare' };

/** The outline of the chart (hidden when folded away). */
export function outlineTemplate({ x, d, select, toggle }: Region, folded: boolean) {
  return html`<aside class="left" aria-labelledby="outline-title" ?hidden=${folded}>
    <h2 id="outline-title">Outline <span class="count">${d.tree.organs.size} organs${d.tree.hiddenCount ? `, ${d.tree.hiddenCount} hidden` : ''}</span></h2>
    <apparat-outline .tree=${d.tree} .marks=${d.marks} .selected=${x.view.select} @organ-select=${select} @organ-toggle=${toggle}></apparat-outline>
  </aside>`;
}

/** The tabbed panels (hidden when folded away); `onTabKey` moves between the tabs by keyboard (`tabKeys`). */
export function panelsTemplate(r: Region, folded: boolean, onTabKey: (e: KeyboardEvent) => void) {
  const { x, d } = r;
  return html`<aside class="right" ?hidden=${folded}>
    <div role="tablist" aria-label="Panels">
      ${TABS.map(
        (t) => html`<button
          role="tab"
          id="tab-${t}"
          aria-selected=${x.tab === t ? 'true' : 'false'}
          aria-controls="panel-${t}"
          tabindex=${x.tab === t ? 0 : -1}
          @click=${() => x.update({ tab: t })}
          @keydown=${onTabKey}
        >
          ${t === 'events' ? `Events (${d.events.length})` : TAB_NAMES[t]}
        </button>`,
      )}
    </div>
    <div class="panel" role="tabpanel" id="panel-${x.tab}" aria-labelledby="tab-${x.tab}" tabindex="0">
      ${x.tab === 'details'
        ? details(r)
        : x.tab === 'events'
          ? html`<apparat-events .model=${d.model} .events=${d.events} .current=${x.view.event} @event-choose=${r.chooseEvent} @organ-go=${r.showOrgan}></apparat-events>`
          : html`<apparat-compare
              .at=${x.view.at ?? ''}
              .compare=${x.view.compare}
              .diff=${d.diff}
              .names=${r.names}
              .period=${d.model.period}
              @compare-change=${on('compare-change', ({ compare }) => x.compareWith(compare))}
              @organ-select=${on('organ-select', ({ id }) => x.select(id, false))}
            ></apparat-compare>`}
    </div>
  </aside>`;
}

/** The Details tab: a person's career, else the selected organ, else the graph's overview. */
function details(r: Region) {
  const { x, d, titles } = r;
  const v = x.view;
  if (x.person)
    return html`<apparat-person
      .career=${x.career()}
      .graphTitles=${titles}
      current=${v.graph ?? ''}
      @graph-open=${on('graph-open', ({ graph, organ, at }) => r.openIn(graph, organ, at))}
      @person-close=${on('person-close', () => x.closePerson())}
    ></apparat-person>`;
  if (!v.select) return overview(d.model.graph, d);
  return html`<apparat-details
    .model=${d.model}
    .snap=${d.snap}
    organ=${v.select}
    ?folded=${x.isFolded(v.select)}
    ?focused=${v.focus === v.select}
    .graphTitles=${titles}
    @organ-select=${r.select}
    @organ-go=${r.showOrgan}
    @organ-open=${r.open}
    @organ-toggle=${r.toggle}
    @organ-focus=${on('organ-focus', ({ id }) => x.setFocus(id))}
    @event-choose=${r.chooseEvent}
    @person-open=${on('person-open', ({ id }) => x.openPerson(id))}
  ></apparat-details>`;
}

function overview(graph: Graph, d: Derived) {
  return html`<div class="overview">
    <h2>${graph.title}</h2>
    ${graph.description ? html`<p>${graph.description}</p>` : nothing}
    <p class="muted">${graph.organs.length} organs, ${d.events.length} events, ${Object.keys(graph.sources).length} sources. Select an organ to read about it.</p>
    ${graph.note ? html`<p class="muted">${graph.note}</p>` : nothing}
  </div>`;
}

/** Arrow keys, Home and End move between the tabs; `focus` puts the focus on the chosen one once drawn. */
export function tabKeys(x: Explorer, focus: (tab: Tab) => void) {
  return (e: KeyboardEvent) => {
    const i = TABS.indexOf(x.tab);
    const n = TABS.length;
    const next = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    x.update({ tab: TABS[next] });
    focus(TABS[next]);
  };
}
