// Checks of config values that their shape alone cannot catch, so that `config check`, start-up and reload refuse
// what a stage would otherwise throw on later.
import type { z } from 'zod';
import type { ConfigProblem } from './config-error.js';
import type { configSchema } from './schema.js';
import { databaseUrlProblem } from '../store/database-url.js';

type BaseConfig = z.output<typeof configSchema>;

export function valueProblems(config: BaseConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = (path: string, problem: string | undefined) => {
    if (problem) problems.push({ path, message: problem });
  };
  check('database.url', databaseUrlProblem(config.database.url));
  return problems;
}
