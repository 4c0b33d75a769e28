// What /ready checks beyond the database and Redis: migrations applied and the SMTP server answering.
import type { AppContext } from './context.js';
import { pendingMigrations } from '../store/migrate.js';

export function readinessChecks(ctx: AppContext): () => Promise<Record<string, string>> {
  return async () => {
    const checks: Record<string, string> = {};
    const pending = await pendingMigrations(ctx.store);
    checks.migrations = pending.length ? `pending: ${pending.join(', ')}` : 'ok';
    try {
      await ctx.mailer.verify();
      checks.smtp = 'ok';
    } catch (error) {
      checks.smtp = `failed: ${(error as Error).message.split('\n')[0].slice(0, 200)}`;
    }
    return checks;
  };
}
