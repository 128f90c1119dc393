/**
 * Cytoscape files parsed style values under a 32-bit hash of (property, value) and trusts a hit
 * (cytoscape/cytoscape.js#2665): a node's label and an edge's bends that share a hash get each
 * other's parsed value (the page error "obj.match is not a function" at tens of thousands of
 * organs). The chart's guard (src/ui/chart/style-cache.ts) keys the cache by the whole value.
 * The pair below was found by searching for two such values.
 */
import cytoscape from 'cytoscape';
import { describe, expect, test } from 'vitest';
import { STYLE } from '../../src/render/stylesheet.ts';
import { guardStyleCache } from '../../src/ui/chart/style-cache.ts';

const LABEL = 'Bureau 674';
const BENDS = '0.0277 0.0406';

/** A core with an organ labelled LABEL and an edge bent at BENDS; what each is drawn with. */
function drawnWith(install?: (cy: cytoscape.Core) => void) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: STYLE });
  install?.(cy);
  cy.add([
    { group: 'nodes', data: { id: 'a', label: LABEL, w: 100, h: 40, shape: 'round-rectangle', fill: '#fff', border: '#000', text: '#000', tw: 100 } },
    { group: 'nodes', data: { id: 'b', label: 'b', w: 100, h: 40, shape: 'round-rectangle', fill: '#fff', border: '#000', text: '#000', tw: 100 }, position: { x: 0, y: 200 } },
    { group: 'edges', data: { id: 'e', source: 'a', target: 'b', bent: true, sw: BENDS, sd: '10 -10' } },
  ]);
  const read = (f: () => unknown) => {
    try {
      return f();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  const label = read(() => cy.$id('a').style('label'));
  const bends = read(() => cy.$id('e').style('segment-weights'));
  cy.destroy();
  return { label, bends };
}

describe("Cytoscape's style cache", () => {
  // First: Cytoscape as it is (the guard is installed once per page, on the shared prototype).
  test('without the guard, the label and the bends that share a hash are confused (the upstream bug is still there)', () => {
    expect(drawnWith()).not.toEqual({ label: LABEL, bends: BENDS });
  });

  test('with the guard, each is drawn with its own value', () => {
    expect(drawnWith(guardStyleCache)).toEqual({ label: LABEL, bends: BENDS });
  });
});
