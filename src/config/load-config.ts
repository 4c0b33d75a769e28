// Loads config/vigie.yaml: YAML -> ${ENV} expansion -> zod -> cross-references; the result is frozen.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { valueProblems } from './config-checks.js';
import { ConfigError, formatPath, prefixPath, type ConfigProblem } from './config-error.js';
import { expandEnv, MissingEnvError } from './env-expand.js';
import { configSchema } from './schema.js';
import { sourceFactories } from '../sources/registry.js';
import type { BaseSourceConfig } from '../sources/source-factory.js';
import { detectionParamsSchema, type DetectionParams } from '../detection/detection-params.js';

export type VigieConfig = Omit<z.output<typeof configSchema>, 'sources' | 'alerts'> & {
  sources: BaseSourceConfig[];
  alerts: Omit<z.output<typeof configSchema>['alerts'], 'detectors'> & { detectors: DetectionParams };
  /** Where the config came from, for messages. */
  file: string;
};

export function loadConfigFile(file: string, env: Record<string, string | undefined> = process.env): VigieConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ path: '', message: `cannot read the file (${(error as Error).message})` }]);
  }
  return parseConfig(text, file, env);
}

export function parseConfig(text: string, file: string, env: Record<string, string | undefined> = process.env): VigieConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({ path: `line ${e.linePos?.[0].line ?? '?'}`, message: `invalid YAML: ${e.message.split('\n')[0]}` })),
    );
  }
  let parsedYaml: unknown;
  try {
    // A bounded alias count stops "billion laughs" documents; an alias to a missing anchor also lands here.
    parsedYaml = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(file, [{ path: '', message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` }]);
  }
  let raw: unknown;
  try {
    raw = expandEnv(parsedYaml, env);
  } catch (error) {
    if (error instanceof MissingEnvError) {
      throw new ConfigError(file, [
        { path: error.path, message: `expected environment variable ${error.variable} to be set (or write \${${error.variable}:-default})` },
      ]);
    }
    throw error;
  }
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(file, issuesToProblems(parsed.error.issues));
  const base = parsed.data;
  const problems: ConfigProblem[] = [];

  const sources = base.sources.map((entry, i) => {
    const factory = sourceFactories.get(entry.type);
    if (!factory) {
      problems.push({ path: `sources[${i}].type`, message: `expected one of ${[...sourceFactories.keys()].join(', ')}, got "${entry.type}"` });
      return entry as BaseSourceConfig;
    }
    const result = factory.configSchema.safeParse(entry);
    if (!result.success) {
      for (const p of issuesToProblems(result.error.issues)) problems.push({ path: prefixPath(`sources[${i}]`, p.path), message: p.message });
      return entry as BaseSourceConfig;
    }
    return result.data;
  });

  const detectors = detectionParamsSchema.safeParse(base.alerts.detectors);
  if (!detectors.success) {
    for (const p of issuesToProblems(detectors.error.issues)) problems.push({ path: prefixPath('alerts.detectors', p.path), message: p.message });
  }

  problems.push(...crossReferenceProblems(base, sources), ...valueProblems(base));
  if (problems.length > 0) throw new ConfigError(file, problems);

  const config: VigieConfig = {
    ...base,
    sources,
    alerts: { ...base.alerts, detectors: detectors.data! },
    file,
  };
  return deepFreeze(config);
}

function crossReferenceProblems(config: z.output<typeof configSchema>, sources: BaseSourceConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const entityIds = new Set<string>();
  config.entities.forEach((e, i) => {
    if (entityIds.has(e.id)) problems.push({ path: `entities[${i}].id`, message: `expected a unique id, "${e.id}" is used twice` });
    entityIds.add(e.id);
  });
  config.entities.forEach((e, i) => {
    if (e.parent !== undefined && !entityIds.has(e.parent)) {
      problems.push({ path: `entities[${i}].parent`, message: `expected the id of a configured entity, got "${e.parent}"` });
    }
    if (e.kind !== 'brand' && e.parent === undefined) {
      problems.push({ path: `entities[${i}].parent`, message: `expected the brand this ${e.kind} belongs to` });
    }
  });
  const sourceIds = new Set<string>();
  sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) problems.push({ path: `sources[${i}].id`, message: `expected a unique id, "${s.id}" is used twice` });
    sourceIds.add(s.id);
    (s.entities ?? []).forEach((id, j) => {
      if (!entityIds.has(id)) problems.push({ path: `sources[${i}].entities[${j}]`, message: `expected the id of a configured entity, got "${id}"` });
    });
  });
  const channelIds = new Set(config.channels.map((c) => c.id));
  config.alerts.routes.forEach((route, i) => {
    route.channels.forEach((id, j) => {
      if (!channelIds.has(id)) problems.push({ path: `alerts.routes[${i}].channels[${j}]`, message: `expected the id of a configured channel, got "${id}"` });
    });
    (route.entities ?? []).forEach((id, j) => {
      if (!entityIds.has(id)) problems.push({ path: `alerts.routes[${i}].entities[${j}]`, message: `expected the id of a configured entity, got "${id}"` });
    });
  });
  return problems;
}

function issuesToProblems(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unexpected key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
