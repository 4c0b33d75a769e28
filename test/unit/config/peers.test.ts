// Benchmarks: a CEO or a product against its configured peers, never against competitor brands; brands as before.
import { describe, expect, it } from 'vitest';
import { competitorsOf } from '../../../src/config/competitors.js';
import { parseConfig } from '../../../src/config/load-config.js';

const yaml = (peers: string) => `
entities:
  - { id: kelio, name: Kelio, kind: brand, terms: [Kelio] }
  - { id: aura, name: Kelio Aura, kind: product, parent: kelio, terms: [Kelio Aura], peers: [breeze] }
  - { id: ceo, name: Léa Morel, kind: person, parent: kelio, terms: [Léa Morel]${peers} }
  - { id: veltra, name: Veltra, kind: competitor, parent: kelio, terms: [Veltra] }
  - { id: breeze, name: Veltra Breeze, kind: competitor, parent: kelio, terms: [Veltra Breeze] }
`;

describe('peers', () => {
  const config = parseConfig(yaml(''), 'test.yaml', {});
  const entity = (id: string) => config.entities.find((e) => e.id === id)!;

  it('benchmarks a product against its peers and a CEO without peers against nobody', () => {
    expect(competitorsOf(config, entity('aura')).map((e) => e.id)).toEqual(['breeze']);
    expect(competitorsOf(config, entity('ceo'))).toEqual([]);
    expect(competitorsOf(config, entity('kelio')).map((e) => e.id)).toEqual(['veltra', 'breeze']);
  });

  it('refuses unknown peers and the entity itself, naming the path', () => {
    expect(() => parseConfig(yaml(', peers: [nobody]'), 'test.yaml', {})).toThrow(/entities\[2\]\.peers\[0\]: expected the id of a configured entity, got "nobody"/);
    expect(() => parseConfig(yaml(', peers: [ceo]'), 'test.yaml', {})).toThrow(/entities\[2\]\.peers\[0\]: expected another entity/);
  });
});
