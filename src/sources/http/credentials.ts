// Resolves a credential written in config as an env var NAME or a `${ENV}` string, so secrets never sit in YAML.

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * `X_BEARER_TOKEN` → the variable's value; `${X_BEARER_TOKEN}` (or "Bearer ${T}") → expanded;
 * anything else is taken as already expanded by the config loader.
 * Returns undefined when a named variable is unset, so callers can say which one is missing.
 */
export function resolveSecret(spec: string | undefined, env: Record<string, string | undefined>): string | undefined {
  if (spec === undefined || spec === '') return undefined;
  if (ENV_NAME.test(spec)) return env[spec] || undefined;
  let missing = false;
  const expanded = spec.replace(PLACEHOLDER, (_, name: string) => {
    const value = env[name];
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? undefined : expanded;
}

/** The variable names a spec refers to, for error messages that name what to set (never the value). */
export function secretSourceName(spec: string): string {
  if (ENV_NAME.test(spec)) return spec;
  const names = [...spec.matchAll(PLACEHOLDER)].map((m) => m[1]);
  return names.length > 0 ? names.join(', ') : 'the configured value';
}

/** Like resolveSecret but throws a message naming the variable to set. */
export function requireSecret(spec: string | undefined, env: Record<string, string | undefined>, what: string): string {
  const value = resolveSecret(spec, env);
  if (value === undefined) {
    throw new Error(`${what} is not set: define ${spec ? secretSourceName(spec) : 'it'} in the environment`);
  }
  return value;
}
