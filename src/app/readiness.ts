// What /ready checks beyond the database and Redis: migrations applied, the SMTP server answering, the sources polling.
import type { AppContext } from './context.js';
import { pendingMigrations } from '../store/migrate.js';
import { failingSources } from '../store/cursor-repository.js';

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
    // A source the platform refuses (revoked token, suspended app) is named with the platform's words.
    for (const failing of await failingSources(ctx.store.db)) {
      if (ctx.sources.has(failing.sourceId)) checks[`source ${failing.sourceId}`] = `failing since ${new Date(failing.since).toISOString()}: ${failing.error}`;
    }
    return checks;
  };
}
