/** Small graphs written for tests: a valid base to break one rule at a time. */
import type { Graph } from '../../src/model/types.ts';

/**
 * An obkom over two okruzhkoms until summer 1930, a rural raikom re-parented from its okruzhkom
 * to the obkom, a raikom renamed in 1931, conflicting figures and a post.
 */
export function sample(): Graph {
  return {
    apparat: 1,
    id: 'sample',
    title: 'Sample',
    sources: { s1: { citation: '§1' }, s2: { citation: '§2', primary: 'Partrabotnik' } },
    organs: [
      { id: 'obkom', type: 'obkom', names: [{ name: 'Obkom' }], exists: [{ start: '1927-11', end: '1934' }], sources: ['s1'] },
      { id: 'okr-a', type: 'okruzhkom', names: [{ name: 'Okrug A' }], exists: [{ start: '1928', end: '1930-22' }], sources: ['s1'] },
      { id: 'okr-b', type: 'okruzhkom', names: [{ name: 'Okrug B' }], aliases: ['Bee'], exists: [{ start: '1928', end: '1930-22' }], sources: ['s1'] },
      {
        id: 'rai',
        type: 'rural-raikom',
        names: [
          { name: 'Raikom X', end: '1931-05' },
          { name: 'Raikom Y', start: '1931-05' },
        ],
        exists: [{ start: '1928', end: '1934' }],
        sources: ['s2'],
      },
      { id: 'cells', type: 'cell', counted: true, names: [{ name: 'rural cells' }], exists: [{ start: '1929', end: '1934' }], sources: ['s2'] },
    ],
    edges: [
      { child: 'okr-a', parent: 'obkom', start: '1928', end: '1930-22' },
      { child: 'okr-b', parent: 'obkom', start: '1928', end: '1930-22' },
      { child: 'rai', parent: 'okr-a', start: '1928', end: '1930-22' },
      { child: 'rai', parent: 'obkom', start: '1930-22', end: '1934' },
      { child: 'cells', parent: 'obkom', start: '1929', end: '1934' },
    ],
    events: [
      { id: 'abolish', date: '1930-22', kind: 'abolish', title: 'Okrugs abolished', description: 'd', inputs: ['okr-a', 'okr-b'], outputs: [], sources: ['s1'] },
      { id: 'rename', date: '1931-05', kind: 'rename', title: 'X renamed Y', description: 'd', inputs: ['rai'], outputs: ['rai'], sources: ['s2'] },
    ],
    figures: [
      { organ: 'cells', measure: 'count', value: 1917, date: '1931-01-01', sources: ['s1'] },
      { organ: 'cells', measure: 'count', value: 2600, date: '1931-01-01', sources: ['s2'], note: 'conflicts' },
      { organ: 'cells', measure: 'count', value: 1500, date: '1930-01-01', sources: ['s1'] },
      { organ: 'rai', measure: 'members', value: 300, date: '1929', sources: ['s2'] },
    ],
    people: [{ id: 'p', name: 'I. I. Gaza', aliases: ['Gaza'] }],
    posts: [{ organ: 'rai', post: 'first secretary', person: 'p', start: '1929', end: '1931', sources: ['s2'] }],
  };
}
