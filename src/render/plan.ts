/**
 * The chart's change from what it shows to a new view tree, worked out without the DOM: which
 * nodes and edges to add and remove, which nodes move, and whose data (label, shape, flags) or
 * route changed. The chart applies a plan to Cytoscape (with animation and frame slicing); the
 * plan itself is plain data, tested in Node.
 */
import type { TidyLayout } from '../layout/tidy.ts';
import type { ViewTree } from '../layout/view.ts';
import { finish } from '../model/in-steps.ts';
import { drawnElements, type EdgeElement, type NodeData, type NodeElement, type EdgeData } from './elements.ts';

/** What the canvas holds: each node's position and data signature, each edge's route signature. */
export interface Drawn {
  nodes: Map<string, { x: number; y: number; sig: string }>;
  edges: Map<string, string>;
}

export interface Plan {
  /** Edges to remove (first, so that no edge is left without its nodes). */
  removeEdges: string[];
  /** Nodes to remove (they fade out when animated). */
  removeNodes: string[];
  /** Nodes to add, at their new positions (they fade in). */
  addNodes: NodeElement[];
  /** Nodes whose data changed (label, shape, colours, flags). */
  restyleNodes: NodeElement[];
  /** Nodes that stay but move (they glide). */
  moveNodes: NodeElement[];
  /** Edges to add (after the nodes they join). */
  addEdges: EdgeElement[];
  /** Edges whose route changed. */
  rerouteEdges: EdgeElement[];
}

/** Everything a node's data shows, as one string: equal signatures draw the same. */
export function nodeSignature(d: NodeData): string {
  return `${d.label}|${d.w}|${d.h}|${d.shape}|${d.fill}|${d.vague}|${d.conflict}|${d.organ}|${d.linked}`;
}

export function edgeSignature(d: EdgeData): string {
  return `${d.sw}|${d.sd}|${d.inferred}`;
}

/** An empty canvas. */
export function emptyDrawn(): Drawn {
  return { nodes: new Map(), edges: new Map() };
}

/** A plan that changes nothing. */
const emptyPlan = (): Plan => ({ removeEdges: [], removeNodes: [], addNodes: [], restyleNodes: [], moveNodes: [], addEdges: [], rerouteEdges: [] });

/** The plan from what is drawn to the given nodes and edges. */
export function plan(previous: Drawn, next: { nodes: NodeElement[]; edges: EdgeElement[] }): Plan {
  return finish(planInSteps(previous, next));
}

/** `plan`, pausing (yield) every thousand elements: a large chart works it out across frames. */
export function* planInSteps(previous: Drawn, next: { nodes: NodeElement[]; edges: EdgeElement[] }, every = 1000): Generator<void, Plan> {
  let k = 0;
  const p = emptyPlan();
  const wanted = new Set<string>();
  for (const n of next.nodes) {
    wanted.add(n.id);
    const had = previous.nodes.get(n.id);
    if (!had) p.addNodes.push(n);
    else {
      if (had.sig !== nodeSignature(n.data)) p.restyleNodes.push(n);
      if (had.x !== n.x || had.y !== n.y) p.moveNodes.push(n);
    }
    if (++k % every === 0) yield;
  }
  const wantedEdges = new Set<string>();
  for (const e of next.edges) {
    wantedEdges.add(e.id);
    const had = previous.edges.get(e.id);
    if (had === undefined) p.addEdges.push(e);
    else if (had !== edgeSignature(e.data)) p.rerouteEdges.push(e);
    if (++k % every === 0) yield;
  }
  for (const id of previous.edges.keys()) if (!wantedEdges.has(id)) p.removeEdges.push(id);
  for (const id of previous.nodes.keys()) if (!wanted.has(id)) p.removeNodes.push(id);
  return p;
}

/** The plan from what is drawn to a laid-out view tree (`only`: a large chart's window, src/render/window.ts). */
export function planTree(previous: Drawn, tree: ViewTree, layout: TidyLayout, prescribed = false, only?: ReadonlySet<string>): Plan {
  return plan(previous, drawnElements(tree, layout, prescribed, only));
}

/** How many organs appear, go or move: the size of the change a viewer sees (animation depends on it). */
export function visibleChanges(p: Plan): number {
  return p.addNodes.length + p.removeNodes.length + p.moveNodes.length;
}

/** Every operation in the plan. */
export function planSize(p: Plan): number {
  return visibleChanges(p) + p.restyleNodes.length + p.addEdges.length + p.removeEdges.length + p.rerouteEdges.length;
}

/**
 * What a change costs Cytoscape in the frame after it comes (styling, the textures of new labels,
 * drawing), in new organs' worth. Measured in Chromium without a GPU, in a chart of 10,000 organs
 * (README, Benchmarks): a new organ 0.6–0.9 ms, an edge added or rerouted about 0.3 ms, a move 0.1 ms.
 */
const COST = { organ: 1, edge: 0.35, move: 0.12 };

/**
 * A plan split into stages for a chart already drawn, each within `budget` (in new organs' worth):
 * the first takes the removals, the changed data, the moves and the reroutes, with as many new
 * organs as still fit; the others the rest of the new organs. Each new edge comes with the later of
 * its two ends. A stage holds at least one new organ, however small the budget. `gliding`: the
 * moves are an animation (lines hidden until it ends), whose work is spread over its frames.
 */
export function stages(p: Plan, budget: number, gliding = false): Plan[] {
  const first: Plan = { ...p, addNodes: [], addEdges: [] };
  const out = [first];
  let cost = p.restyleNodes.length * COST.organ + (gliding ? 0 : p.rerouteEdges.length * COST.edge + p.moveNodes.length * COST.move);
  const stageOf = new Map<string, number>();
  const each = COST.organ + COST.edge;
  for (const n of p.addNodes) {
    if (cost > 0 && cost + each > budget) {
      out.push(emptyPlan());
      cost = 0;
    }
    out[out.length - 1].addNodes.push(n);
    stageOf.set(n.id, out.length - 1);
    cost += each;
  }
  for (const e of p.addEdges) out[Math.max(stageOf.get(e.source) ?? 0, stageOf.get(e.target) ?? 0)].addEdges.push(e);
  return out;
}
