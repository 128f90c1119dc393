/**
 * What each region of the shell's template (./centre.ts, ./panels.ts) is given: the controller,
 * the derived view, and the typed listeners that several regions share, made once a render.
 */
import { nameAt } from '../../model/model.ts';
import { on, type ApparatEvent, type ApparatEventName } from '../shared/events.ts';
import type { Derived, Explorer } from './explorer.ts';

type Listen<K extends ApparatEventName> = (e: ApparatEvent<K>) => void;

export interface Region {
  x: Explorer;
  d: Derived;
  /** Graph id → title, for drill-down crumbs and links to other graphs. */
  titles: Map<string, string>;
  /** An organ's name in this view, the compared one, or the model. */
  names(id: string): string;
  /** Another graph (or this one) at a date with an organ selected, then brought into view (the shell's). */
  openIn(graph: string, organ: string | undefined, at: string): void;
  select: Listen<'organ-select'>;
  open: Listen<'organ-open'>;
  toggle: Listen<'organ-toggle'>;
  showOrgan: Listen<'organ-go'>;
  chooseEvent: Listen<'event-choose'>;
}

export function region(x: Explorer, d: Derived, titles: Map<string, string>, openIn: Region['openIn']): Region {
  return {
    x,
    d,
    titles,
    names: (id) => d.snap.organs.get(id)?.name ?? d.other?.organs.get(id)?.name ?? nameAt(d.model, id),
    openIn,
    select: on('organ-select', ({ id }) => x.select(id)),
    open: on('organ-open', ({ id }) => x.open(id)),
    toggle: on('organ-toggle', ({ id, expand }) => x.toggle(id, expand)),
    showOrgan: on('organ-go', ({ id, at }) => x.showOrgan(id, at)),
    chooseEvent: on('event-choose', ({ id }) => x.chooseEvent(id)),
  };
}
