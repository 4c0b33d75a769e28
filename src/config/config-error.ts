// A configuration mistake, reported as "file: path: what was expected", one line per problem.

export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(public readonly file: string, public readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${file}: ${p.path || '(top level)'}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Formats a zod issue path (["entities", 2, "terms"]) as `entities[2].terms`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function prefixPath(prefix: string, path: string): string {
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
