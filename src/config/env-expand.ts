// Expands ${NAME} and ${NAME:-default} in config strings, so secrets live in the environment.

export class MissingEnvError extends Error {
  constructor(public readonly variable: string, public readonly path: string) {
    super(`environment variable ${variable} is not set`);
    this.name = 'MissingEnvError';
  }
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Walks a parsed YAML value and replaces placeholders in every string; `path` tracks where we are for errors. */
export function expandEnv(value: unknown, env: Record<string, string | undefined>, path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      throw new MissingEnvError(name, path);
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => expandEnv(item, env, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandEnv(item, env, path ? `${path}.${key}` : key)]),
    );
  }
  return value;
}
