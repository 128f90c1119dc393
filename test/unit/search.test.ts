import { expect, test } from 'vitest';
import { buildModel } from '../../src/model/model.ts';
import { normalise, searchOrgans } from '../../src/model/search.ts';
import type { Graph } from '../../src/model/types.ts';

const graph = {
  apparat: 1,
  id: 'g',
  title: 'g',
  sources: { s: { citation: 'x' } },
  organs: [
    { id: 'kp', type: 'party-committee', names: [{ name: 'Krasnyi putilovets party committee' }], aliases: ['Putilov works', "Ki'asnyi putilovets"], exists: [{}], sources: ['s'] },
    { id: 'tg', type: 'urban-raikom', names: [{ name: "Tsentral'no-gorodskoi raikom", end: '1930' }, { name: "Oktiabr'skii raikom", start: '1930' }], exists: [{}], sources: ['s'] },
    { id: 'sm', type: 'urban-raikom', names: [{ name: "Smol'ninskii raikom" }], exists: [{}], sources: ['s'] },
  ],
  edges: [],
  people: [{ id: 'm', name: 'A. S. Miloslavskii' }],
  posts: [{ organ: 'sm', post: 'first secretary', person: 'm', sources: ['s'] }],
} as unknown as Graph;
const model = buildModel(graph);

test('normalise drops apostrophes, accents and case', () => {
  expect(normalise("Smol'ninskii")).toBe('smolninskii');
  expect(normalise('Ěkonomika')).toBe('ekonomika');
});

test('finds by alias, former name and person', () => {
  expect(searchOrgans(model, 'Putilov')[0]).toMatchObject({ id: 'kp' });
  expect(searchOrgans(model, 'putilov works')[0]).toMatchObject({ id: 'kp', via: 'alias' });
  expect(searchOrgans(model, 'tsentralno')[0]).toMatchObject({ id: 'tg', via: 'former name', name: "Oktiabr'skii raikom" });
  expect(searchOrgans(model, 'miloslavskii')[0]).toMatchObject({ id: 'sm', via: 'person', text: 'first secretary: A. S. Miloslavskii' });
  expect(searchOrgans(model, 'smolninskii')[0]).toMatchObject({ id: 'sm', via: 'name' });
  expect(searchOrgans(model, '   ')).toEqual([]);
  expect(searchOrgans(model, 'zzz')).toEqual([]);
});
