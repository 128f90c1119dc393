/**
 * The editor's operations (src/model/edit.ts): each restructuring writes its event and the
 * intervals and edges it implies, so the graph validates as the CLI validates it and lineage,
 * snapshots and the CLI's events read it back as the user meant it.
 */
import { describe, expect, test } from 'vitest';
import { loadGraphSet } from '../../src/io/graph-file.ts';
import { addFigure, addOrgan, addPerson, addPost, addSource, attempt, commit, emptyGraph, history, makeId, place, redo, restructure, undo } from '../../src/model/edit.ts';
import { lineage } from '../../src/model/lineage.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import { validateGraph } from '../../src/model/validate.ts';

const S = ['report'];

function base(): Graph {
  let g = emptyGraph('ministry', 'Ministry of Fisheries');
  g = addSource(g, 'report', { citation: 'Annual report, 1955, p. 4' });
  g = addOrgan(g, { id: 'ministry', type: 'unit', typeLabel: 'ministry', name: 'Ministry of Fisheries', start: '1950', sources: S });
  g = addOrgan(g, { id: 'fleet', type: 'department', name: 'Fleet Department', start: '1950', parent: 'ministry', sources: S });
  g = addOrgan(g, { id: 'ports', type: 'department', name: 'Ports Department', start: '1950', parent: 'ministry', sources: S });
  g = addOrgan(g, { id: 'trawlers', type: 'sector', name: 'Trawler Sector', start: '1951', parent: 'fleet', sources: S });
  return g;
}

const errors = (g: Graph) => validateGraph(g).filter((i) => i.severity === 'error');
const parentsAt = (g: Graph, date: string) => {
  const snap = snapshot(buildModel(g), at(date));
  return Object.fromEntries([...snap.organs].map(([id, o]) => [id, o.parent ?? null]));
};

describe('building a graph', () => {
  test('a new graph with organs placed under parents validates, and the snapshot shows the tree', () => {
    const g = base();
    expect(errors(g)).toEqual([]);
    expect(parentsAt(g, '1952')).toEqual({ ministry: null, fleet: 'ministry', ports: 'ministry', trawlers: 'fleet' });
    expect(parentsAt(g, '1950-06')).not.toHaveProperty('trawlers');
  });

  test('operations never change the graph they are given', () => {
    const g = base();
    const copy = structuredClone(g);
    restructure(g, { kind: 'split', organ: 'fleet', date: '1953-04', sources: S, into: [
      { id: 'north', type: 'department', name: 'Northern Fleet', sources: [] },
      { id: 'south', type: 'department', name: 'Southern Fleet', sources: [] },
    ] });
    expect(g).toEqual(copy);
  });

  test('figures, people and posts join the graph and validate', () => {
    let g = addFigure(base(), { organ: 'fleet', measure: 'staff', value: 120, qualifier: 'approx', date: '1952', sources: S });
    g = addPerson(g, { id: 'ivanov', name: 'I. Ivanov' });
    g = addPost(g, { organ: 'fleet', post: 'head of department', person: 'ivanov', start: '1950', end: '1953', sources: S });
    expect(errors(g)).toEqual([]);
    expect(buildModel(g).graph.posts).toHaveLength(1);
  });

  test('ids are made from names, unique', () => {
    expect(makeId('Fleet Department (North)', ['fleet-department-north'])).toBe('fleet-department-north-2');
  });
});

describe('restructurings as one action each', () => {
  test('a split ends the organ and its edge, starts n organs under its parent, and records the event', () => {
    const g = restructure(base(), {
      kind: 'split', organ: 'fleet', date: '1953-04', sources: S, childrenTo: 'north',
      into: [
        { id: 'north', type: 'department', name: 'Northern Fleet', sources: [] },
        { id: 'south', type: 'department', name: 'Southern Fleet', sources: [] },
        { id: 'east', type: 'department', name: 'Eastern Fleet', sources: [] },
      ],
    });
    expect(errors(g)).toEqual([]);
    expect(parentsAt(g, '1953-01')).toMatchObject({ fleet: 'ministry', trawlers: 'fleet' });
    const after = parentsAt(g, '1953-06');
    expect(after).not.toHaveProperty('fleet');
    expect(after).toMatchObject({ north: 'ministry', south: 'ministry', east: 'ministry', trawlers: 'north' });
    const e = g.events!.at(-1)!;
    expect(e).toMatchObject({ kind: 'split', date: '1953-04', inputs: ['fleet'], outputs: ['north', 'south', 'east'] });
    expect(lineage(g, 'fleet').successors.map((s) => s.organ)).toEqual(['north', 'south', 'east']);
  });

  test('a merge ends n organs, starts one, moves their sub-units under it, and lineage runs back to all', () => {
    const g = restructure(base(), { kind: 'merge', organs: ['fleet', 'ports'], date: '1954', sources: S, into: { id: 'maritime', type: 'department', name: 'Maritime Department', sources: [] } });
    expect(errors(g)).toEqual([]);
    expect(parentsAt(g, '1955')).toEqual({ ministry: null, maritime: 'ministry', trawlers: 'maritime' });
    expect(lineage(g, 'maritime').predecessors.map((s) => s.organ).sort()).toEqual(['fleet', 'ports']);
    expect(g.events!.at(-1)!.title).toBe('Fleet Department and Ports Department merged into Maritime Department');
  });

  test('create, rename, re-parent and abolish each write their event and validate', () => {
    let g = restructure(base(), { kind: 'create', date: '1952-03', sources: S, organ: { id: 'science', type: 'department', name: 'Science Department', parent: 'ministry', sources: [] } });
    g = restructure(g, { kind: 'rename', organ: 'science', name: 'Research Department', date: '1953', sources: S });
    g = restructure(g, { kind: 're-parent', organ: 'trawlers', parent: 'ports', date: '1954-01', sources: S });
    g = restructure(g, { kind: 'abolish', organ: 'science', date: '1956', sources: S });
    expect(errors(g)).toEqual([]);
    expect(g.events!.map((e) => e.kind)).toEqual(['create', 'rename', 're-parent', 'abolish']);
    const m = buildModel(g);
    expect(snapshot(m, at('1952-06')).organs.get('science')?.name).toBe('Science Department');
    expect(snapshot(m, at('1954-06')).organs.get('science')?.name).toBe('Research Department');
    expect(snapshot(m, at('1953-06')).organs.get('trawlers')?.parent).toBe('fleet');
    expect(snapshot(m, at('1954-06')).organs.get('trawlers')?.parent).toBe('ports');
    expect(snapshot(m, at('1957')).organs.has('science')).toBe(false);
  });

  test('place moves an organ from a date without a recorded event', () => {
    const g = place(base(), 'trawlers', 'ports', '1952-07', S);
    expect(errors(g)).toEqual([]);
    expect(parentsAt(g, '1952-01').trawlers).toBe('fleet');
    expect(parentsAt(g, '1953').trawlers).toBe('ports');
  });

  test('the graph written is a file validate accepts', () => {
    const g = restructure(base(), { kind: 'merge', organs: ['fleet', 'ports'], date: '1954', sources: S, into: { id: 'maritime', type: 'department', name: 'Maritime Department', sources: [] } });
    const [loaded] = loadGraphSet([{ file: 'ministry.json', text: JSON.stringify(g, null, 2) }]);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loaded.graph?.id).toBe('ministry');
  });
});

describe('problems at their fields, and undo', () => {
  test('a bad date, an unknown parent or a missing source is refused at its field', () => {
    const g = base();
    expect(attempt(g, (x) => addOrgan(x, { id: 'a', type: 'unit', name: 'A', start: '1950-13', sources: S })).problems).toMatchObject([{ field: 'start' }]);
    expect(attempt(g, (x) => addOrgan(x, { id: 'a', type: 'unit', name: 'A', parent: 'nowhere', sources: S })).problems).toMatchObject([{ field: 'parent' }]);
    expect(attempt(g, (x) => addOrgan(x, { id: 'a', type: 'unit', name: 'A', sources: [] })).problems).toMatchObject([{ field: 'sources' }]);
    expect(attempt(g, (x) => addOrgan(x, { id: 'fleet', type: 'unit', name: 'A', sources: S })).problems).toMatchObject([{ field: 'id' }]);
    expect(attempt(g, (x) => restructure(x, { kind: 'abolish', organ: 'trawlers', date: '1950-02', sources: S })).problems[0]).toMatchObject({ field: 'organ', message: expect.stringContaining('does not exist') });
  });

  test('a change the validation refuses leaves the graph as it was, naming the field', () => {
    const g = base();
    // A child placed from before its parent existed: the edge lies outside the parent's life.
    const r = attempt(g, (x) => addOrgan(x, { id: 'early', type: 'sector', name: 'Early Sector', start: '1949', parent: 'trawlers', sources: S }));
    expect(r.graph).toBeUndefined();
    expect(r.problems.some((p) => p.severity === 'error' && p.field === 'parent')).toBe(true);
  });

  test('a good change comes back with its graph; warnings pass', () => {
    const r = attempt(base(), (x) => addOrgan(x, { id: 'misc', type: 'unit', name: 'Miscellany', start: '1950', sources: S }));
    expect(r.graph?.organs.map((o) => o.id)).toContain('misc');
    expect(r.problems).toMatchObject([{ severity: 'warning', field: 'typeLabel' }]);
  });

  test('undo and redo walk the states', () => {
    const a = base();
    const b = addOrgan(a, { id: 'x', type: 'sector', name: 'X', start: '1952', parent: 'ports', sources: S });
    let h = commit(history(a), b);
    h = undo(h);
    expect(h.present).toBe(a);
    h = redo(h);
    expect(h.present).toBe(b);
    expect(undo(undo(h)).present).toBe(a);
    expect(redo(h)).toBe(h);
  });
});
