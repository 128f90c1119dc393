/**
 * The chart of a graph at a date as SVG, for the command line: the explorer's own stylesheet and
 * layout, drawn by a headless Cytoscape and written out by the same SVG writer as the app's.
 */
import cytoscape from 'cytoscape';
import { viewTree } from '../layout/view.ts';
import { formatDate } from '../model/dates.ts';
import { at, type Model } from '../model/model.ts';
import { snapshot } from '../model/snapshot.ts';
import { chartElements, layoutTree } from '../render/elements.ts';
import { STYLE } from '../render/stylesheet.ts';
import { viewSvg } from '../render/svg.ts';

export function snapshotSvg(model: Model, date: string): string {
  const tree = viewTree(snapshot(model, at(date)));
  const layout = layoutTree(tree);
  const cy = cytoscape({ headless: true, styleEnabled: true, layout: { name: 'preset' }, style: STYLE, elements: chartElements(tree, layout, model.graph.kind === 'prescribed') });
  const svg = viewSvg(cy, { title: `${model.graph.title}, at ${formatDate(date)}` });
  cy.destroy();
  return svg;
}
