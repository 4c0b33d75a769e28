// Which entities one team follows together: those sharing a root through `parent`.
import { describe, expect, it } from 'vitest';
import { entityFamily, rootEntity } from '../../../src/config/entity-family.js';
import { parseConfig } from '../../../src/config/load-config.js';

const config = parseConfig(
  `
entities:
  - { id: kelio, name: Kelio, kind: brand, terms: [Kelio] }
  - { id: aura, name: Kelio Aura, kind: product, parent: kelio, terms: [Kelio Aura] }
  - { id: aura-filter, name: Aura filter, kind: product, parent: aura, terms: [Aura filter] }
  - { id: veltra, name: Veltra, kind: competitor, parent: kelio, terms: [Veltra] }
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
`,
  'test.yaml',
  {},
);

describe('entityFamily', () => {
  it('finds the root up the parent chain', () => {
    expect(rootEntity(config, 'aura-filter')).toBe('kelio');
    expect(rootEntity(config, 'kelio')).toBe('kelio');
    expect(rootEntity(config, 'unknown')).toBe('unknown');
  });

  it('gives every other entity under the same root, and none of another brand', () => {
    expect(entityFamily(config, 'aura-filter').sort()).toEqual(['aura', 'kelio', 'veltra']);
    expect(entityFamily(config, 'kelio').sort()).toEqual(['aura', 'aura-filter', 'veltra']);
    expect(entityFamily(config, 'acme')).toEqual([]);
  });
});
