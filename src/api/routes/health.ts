// Public liveness (/health) and readiness (/ready, also /health/ready: the database, Redis and the checks the caller
// adds). Probes get the bare status without the token; what is wrong (dependency errors name hosts and ports) only
// with it.
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { presentedToken, tokenCheck } from '../auth.js';
import type { RouteContext } from '../route-context.js';

/** What is checked, by name: 'ok' or what is wrong. Open: callers add their own checks (ctx.ready). */
type ReadinessChecks = Record<string, string>;

const firstLine = (error: unknown) => (error as Error).message.split('\n')[0].slice(0, 200);

async function runChecks(ctx: RouteContext): Promise<ReadinessChecks> {
  const checks: ReadinessChecks = {};
  const attempt = async (name: string, check: () => Promise<unknown>) => {
    try {
      await check();
      checks[name] = 'ok';
    } catch (error) {
      checks[name] = `failed: ${firstLine(error)}`;
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
      checks.workers = `failed: ${firstLine(error)}`;
    }
  }
  return checks;
}

/** The token holder may know what is wrong; so may anyone when no token is set (the API then listens on loopback only). */
function mayKnowDetails(ctx: RouteContext, request: FastifyRequest): boolean {
  const { token } = ctx.config.api;
  if (!token) return true;
  const check = tokenCheck(presentedToken(request), token);
  // A wrong token counts as a guess on the operator endpoints; the probe still gets its status, never a 429.
  if (!check.valid && check.attempt) ctx.limiter.recordFailure('operator', request.ip, check.attempt, ctx.now());
  return check.valid;
}

export async function healthRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/health', {
    schema: { summary: 'Liveness', tags: ['health'], response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } },
  }, async () => ({ status: 'ok' }));

  const readiness = async (request: FastifyRequest, reply: FastifyReply) => {
    const checks = await runChecks(ctx);
    // A failing source (the platform refuses its token) is listed but leaves the instance ready: taking it out of
    // rotation would hide the dashboard that shows the failure, and no restart of Vigie can fix a platform's refusal.
    const status = Object.entries(checks).every(([name, v]) => v === 'ok' || name.startsWith('source ')) ? 'ok' : 'degraded';
    return reply.code(status === 'ok' ? 200 : 503).send(mayKnowDetails(ctx, request) ? { status, checks } : { status });
  };
  const schema = {
    summary: 'Readiness: 200 or 503 with the status; with the API token (Bearer, or Basic as password), each check and what is wrong',
    tags: ['health'],
  };
  app.get('/ready', { schema }, readiness);
  app.get('/health/ready', { schema }, readiness);
}
