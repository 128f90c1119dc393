/** The classes marks, selection and search give the chart's nodes, set only where they changed. */
import type { Core, NodeSingular } from 'cytoscape';
import { dataClasses, type NodeData } from '../../render/elements.ts';
import { organOfNode } from '../../render/ids.ts';
import { markClasses } from '../../render/marks.ts';

export function restyleNodes(cy: Core, state: Parameters<typeof markClasses>[2], cache: WeakMap<NodeSingular, string>): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const id = (n.data('organ') as string | undefined) ?? organOfNode(n.id());
      const classes = [...dataClasses(n.data() as NodeData), ...markClasses(id, Boolean(n.data('ghost')), state)];
      if (n.hasClass('leaving')) classes.push('leaving');
      const cls = classes.join(' ');
      if (cache.get(n) !== cls) {
        cache.set(n, cls);
        n.classes(cls);
      }
    });
  });
}
