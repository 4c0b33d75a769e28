// Public liveness (/health) and readiness (/health/ready: database, Redis and any check the caller adds).
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';

export async function healthRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/health', {
    schema: { summary: 'Liveness', tags: ['health'], response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } },
  }, async () => ({ status: 'ok' }));

  app.get('/health/ready', {
    schema: { summary: 'Readiness of the database, Redis and the workers', tags: ['health'] },
  }, async (_request, reply) => {
    const checks: Record<string, string> = {};
    const attempt = async (name: string, check: () => Promise<unknown>) => {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        checks[name] = `failed: ${(error as Error).message.split('\n')[0].slice(0, 200)}`;
      }
    };
    await attempt('database', () => sql`select 1`.execute(ctx.store.db));
    // ioredis queues commands while it reconnects: a down Redis must fail the check now, not hang it.
    if (ctx.redis) {
      const redis = ctx.redis;
      await attempt('redis', () =>
        redis.status !== 'ready'
          ? Promise.reject(new Error(`not connected (${redis.status})`))
          : Promise.race([redis.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref())]),
      );
    }
    if (ctx.ready) {
      try {
        Object.assign(checks, await ctx.ready());
      } catch (error) {
        checks.workers = `failed: ${(error as Error).message.slice(0, 200)}`;
      }
    }
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', checks });
  });
}
