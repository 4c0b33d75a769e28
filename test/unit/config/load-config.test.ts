// A config mistake names the file, the path and what was expected; ${ENV} fills secrets.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { loadConfigFile, parseConfig } from '../../../src/config/load-config.js';

const valid = `
entities:
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
  - { id: rival, name: Rival, kind: competitor, parent: acme, terms: [Rival] }
smtp: { url: "\${SMTP_URL:-}" }
api: { token: "\${VIGIE_API_TOKEN}" }
channels:
  - { id: cm, type: email, to: [cm@acme.test] }
alerts:
  routes: [{ channels: [cm], minSeverity: high }]
  detectors: { lifecycle: { cooldownMinutes: 30 } }
`;

function problems(text: string, env: Record<string, string> = { VIGIE_API_TOKEN: 't' }): string {
  try {
    parseConfig(text, 'config/vigie.yaml', env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loading config', () => {
  it('accepts a valid file, expands the environment and applies defaults', () => {
    const config = parseConfig(valid, 'config/vigie.yaml', { VIGIE_API_TOKEN: 's3cret' });
    expect(config.api.token).toBe('s3cret');
    expect(config.smtp.url).toBe('');
    expect(config.api.host).toBe('127.0.0.1');
    expect(config.redis.prefix).toBe('{vigie}');
    expect(config.alerts.detectors.lifecycle.cooldownMinutes).toBe(30);
    expect(Object.isFrozen(config.entities[0])).toBe(true);
  });

  it('names the file, the path and what was expected', () => {
    const text = valid.replace('terms: [Rival]', 'terms: Rival');
    expect(problems(text)).toMatch(/^config\/vigie\.yaml: entities\[1\]\.terms: expected array, received string/m);
  });

  it('reports a missing environment variable with its path', () => {
    expect(problems(valid, {})).toContain('config/vigie.yaml: api.token: expected environment variable VIGIE_API_TOKEN to be set');
  });

  it('checks references between entities, channels and routes', () => {
    const text = valid.replace('parent: acme', 'parent: acmee').replace('channels: [cm]', 'channels: [pager]');
    const message = problems(text);
    expect(message).toContain('entities[1].parent: expected the id of a configured entity, got "acmee"');
    expect(message).toContain('alerts.routes[0].channels[0]: expected the id of a configured channel, got "pager"');
  });

  it('rejects unknown keys, bad ids, unknown source types and bad detector parameters', () => {
    const text = `${valid.replace('id: acme, name', 'id: Acme Inc, name').replace('kind: brand, terms', 'kind: brand, colour: red, terms')}
sources:
  - { id: s1, type: myspace }
`.replace('detectors: { lifecycle: { cooldownMinutes: 30 } }', 'detectors: { lifecycle: { cooldownMinutes: -5 } }');
    const message = problems(text);
    expect(message).toContain('entities[0].id: a lowercase id');
    expect(message).toContain('entities[0]: unexpected key(s) "colour"');
    expect(problems(valid + 'sources:\n  - { id: s1, type: myspace }\n')).toContain('sources[0].type: expected one of');
    expect(problems(valid.replace('cooldownMinutes: 30', 'cooldownMinutes: -5'))).toContain('alerts.detectors.lifecycle.cooldownMinutes');
  });

  it("rejects a source's misspelt key instead of polling without it", () => {
    // "hashtag" for "hashtags", "querry" for "query": silently ignored, the source would watch nothing or everything.
    const mastodon = problems(`${valid}sources:\n  - { id: m1, type: mastodon, instances: ["https://mastodon.social"], hashtags: [acme], hashtag: [acmebank] }\n`);
    expect(mastodon).toContain('sources[0]: unexpected key(s) "hashtag"');
    const x = problems(`${valid}sources:\n  - { id: x1, type: x, query: acme, querry: "acme -is:retweet", bearerToken: token }\n`);
    expect(x).toContain('sources[0]: unexpected key(s) "querry"');
  });

  it('reports YAML syntax errors with the line, and an unreadable file by name', () => {
    expect(problems('entities:\n  - { id: acme\n')).toMatch(/config\/vigie\.yaml: line \d+: invalid YAML/);
    expect(() => loadConfigFile('/nonexistent/vigie.yaml')).toThrow(/\/nonexistent\/vigie\.yaml: \(top level\): cannot read the file/);
  });
});
