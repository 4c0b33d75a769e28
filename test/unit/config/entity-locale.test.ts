// Which language an entity's alerts and digest are written in.
import { describe, expect, it } from 'vitest';
import { entityLocale } from '../../../src/config/entity-locale.js';
import { parseConfig } from '../../../src/config/load-config.js';

const config = parseConfig(
  `
locale: en
entities:
  - { id: kelio, name: Kelio, kind: brand, terms: [Kelio], locale: fr }
  - { id: aura, name: Kelio Aura, kind: product, parent: kelio, terms: [Kelio Aura] }
  - { id: veltra, name: Veltra, kind: competitor, parent: kelio, terms: [Veltra], locale: en }
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
`,
  'test.yaml',
  {},
);

describe('entityLocale', () => {
  it('takes the entity own locale, else its parent, else the configuration', () => {
    expect(entityLocale(config, 'kelio')).toBe('fr');
    expect(entityLocale(config, 'aura')).toBe('fr');
    expect(entityLocale(config, 'veltra')).toBe('en');
    expect(entityLocale(config, 'acme')).toBe('en');
    expect(entityLocale(config, 'unknown')).toBe('en');
  });
});
