// parseConfig and expandEnv on any text: a config or a ConfigError saying "file: path: what", never another exception.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { expandEnv, MissingEnvError } from '../../src/config/env-expand.js';
import { parseConfig } from '../../src/config/load-config.js';
import { hostileJson, hostileString, RUNS } from './arbitraries.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const VALID = `
database: { url: "sqlite:./data/vigie.db" }
entities:
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
channels:
  - { id: cm, type: email, to: [cm@acme.test], from: "Vigie <vigie@acme.test>" }
`;

/** YAML-ish text: fragments of a real config, YAML syntax, placeholders and hostile strings, glued together. */
const yamlText = fc
  .array(
    fc.oneof(
      hostileString(20),
      fc.constantFrom('\n', ': ', '- ', '  ', '{', '}', '[', ']', '&a ', '!!binary ', '${', '${HOME}', '${NOPE}', '${X:-d}', '|\n', '---\n', '? ', '#', '"', "'", 'entities:', 'id: acme', 'kind: brand', 'terms: [Acme]', 'sources:', 'type: rss', 'channels:'),
      fc.constant(VALID),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  // Aliases have their own cases below (bombs and missing anchors).
  .filter((text) => !/\*[^\s,\]}]/.test(text));

function expectConfigOrConfigError(text: string): void {
  try {
    const config = parseConfig(text, 'fuzz.yaml', { HOME: '/home/vigie', X: 'x' });
    expect(Object.isFrozen(config)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.length).toBeGreaterThan(0);
    expect(message.startsWith('fuzz.yaml: ')).toBe(true);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('parseConfig (property)', () => {
  it('answers any YAML-like text with a frozen config or a ConfigError naming file and path', () => {
    fc.assert(fc.property(yamlText, expectConfigOrConfigError), { numRuns: RUNS });
  });

  it('answers any JSON document (as YAML flow) the same way', () => {
    fc.assert(fc.property(hostileJson.map((value) => JSON.stringify(value) ?? '').filter((text) => !/\*[^\s,\]}]/.test(text)), expectConfigOrConfigError), { numRuns: RUNS });
  });

  // yaml's alias guards throw ReferenceErrors out of doc.toJS(); load-config turns them into ConfigErrors.
  it('an alias bomb (billion laughs) is a ConfigError, not a ReferenceError', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0; i < 9; i++) text += `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]\n`;
    expectConfigOrConfigError(text);
  });

  it('an alias to an anchor that does not exist (a typo) is a ConfigError, not a ReferenceError', () => {
    expectConfigOrConfigError(`${VALID}\napi: *apiDefaults\n`);
  });
});

describe('expandEnv (property)', () => {
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  const plain = hostileString(40).filter((s) => !/\$\{[A-Za-z_]/.test(s));

  it('leaves text without placeholders unchanged, at any depth', () => {
    fc.assert(fc.property(hostileJson.filter((v) => !/\$\{[A-Za-z_]/.test(JSON.stringify(v) ?? '')), (value) => {
      expect(expandEnv(value, {})).toEqual(value);
    }), { numRuns: RUNS });
  });

  it('replaces a set variable once (its value is not expanded again), uses the default when unset, and names the path when missing', () => {
    fc.assert(
      fc.property(plain, name, hostileString(30), plain, fc.constantFrom('set', 'default', 'missing'), (before, variable, value, after, mode) => {
        const fallback = 'fallback-value';
        const placeholder = mode === 'default' ? `\${${variable}:-${fallback}}` : `\${${variable}}`;
        const env = mode === 'set' && value !== '' ? { [variable]: value } : {};
        const input = { smtp: { urls: [`${before}${placeholder}${after}`] } };
        if (mode === 'missing' || (mode === 'set' && value === '')) {
          expect(() => expandEnv(input, env)).toThrow(MissingEnvError);
          try {
            expandEnv(input, env);
          } catch (error) {
            expect((error as MissingEnvError).path).toBe('smtp.urls[0]');
            expect((error as MissingEnvError).variable).toBe(variable);
          }
          return;
        }
        const expected = `${before}${mode === 'set' ? value : fallback}${after}`;
        expect(expandEnv(input, env)).toEqual({ smtp: { urls: [expected] } });
      }),
      { numRuns: RUNS },
    );
  });
});
