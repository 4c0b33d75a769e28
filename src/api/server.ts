// The HTTP API and the dashboard (fastify): security rules, routes, OpenAPI; buildApi for tests, startApi to listen.
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { RedisClient } from '../queue/redis-connection.js';
import type { Logger } from 'pino';
import { unsafeBindingProblem } from '../config/config-checks.js';
import type { VigieConfig } from '../config/load-config.js';
import type { Store } from '../store/database.js';
import { createAlertEventHub } from './alert-event-hub.js';
import { tokenGuard } from './auth.js';
import { createFailedAuthLimiter } from './failed-auth-limiter.js';
import { BadRequestError } from './query-params.js';
import { originGuard } from './request-origin.js';
import type { RouteContext } from './route-context.js';
import { ackLinkRoutes } from './routes/ack-link.js';
import { alertRoutes } from './routes/alerts.js';
import { crisisRoutes } from './routes/crises.js';
import { audienceRoutes } from './routes/audience.js';
import { businessRoutes } from './routes/business.js';
import { entityRoutes } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { inboxRoutes } from './routes/inbox.js';
import { influencerRoutes } from './routes/influencers.js';
import { kpiRoutes } from './routes/kpis.js';
import { labelRoutes, reviewRoutes } from './routes/labels.js';
import { tagRoutes } from './routes/tags.js';
import { mentionRoutes } from './routes/mentions.js';
import { pageRoutes } from './routes/pages.js';
import { ADMIN_QUEUES_PATH, operationsRoutes } from './routes/operations.js';
import { docsRoutes } from './routes/docs.js';
import { sourceRoutes } from './routes/sources.js';
import { reportRoutes } from './routes/reports.js';
import { themeRoutes } from './routes/themes.js';
import { shareApiRoutes, shareCredential, shareRoutes } from './routes/share.js';
import type { Queues } from '../queue/queues.js';
import { ADMIN_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.js';

export interface ApiDeps {
  config: VigieConfig;
  store: Store;
  /** Where read-only dashboard routes read (a replica). @defaultValue store */
  readStore?: Store;
  logger: Logger;
  /** For live alert events (a duplicate() connection subscribes) and /health/ready. */
  redis?: RedisClient;
  /** Key prefix of the alert-events channel. @defaultValue config.redis.prefix */
  redisPrefix?: string;
  now?: () => number;
  /** Extra readiness checks for /health/ready, e.g. the workers: name -> 'ok' or what is wrong. */
  ready?: () => Promise<Record<string, string>>;
  /** The pipeline's queues, for the bull-board view and the queue-depth metrics. */
  queues?: Queues;
}

/** Anything but loopback exposes the dashboard to a network: a token is then mandatory (the config refuses it too). */
export function assertSafeBinding(api: VigieConfig['api']): void {
  const problem = unsafeBindingProblem(api);
  if (problem) throw new Error(problem);
}

/** A hop count as fastify applies it (its types take only the function form): the nearest `hops` proxies are trusted. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app: FastifyInstance = Fastify({
    // pino's Logger is fastify's logger; only the generic parameters differ.
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Request lines are logged below without the query string: /ack carries a signature there.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
    // request.ip, which the failed-credential lockout counts by, comes from X-Forwarded-For only behind trusted proxies.
    trustProxy: typeof config.api.trustProxy === 'number' ? trustHops(config.api.trustProxy) : config.api.trustProxy,
    bodyLimit: 64 * 1024,
    // A shared view's signed token (share-link.ts) is a path parameter of about 130 characters; the default is 100.
    routerOptions: { maxParamLength: 700 },
    ajv: { customOptions: { coerceTypes: true, removeAdditional: true, useDefaults: true } },
  });
  const ctx: RouteContext = {
    config,
    store: deps.store,
    readStore: deps.readStore ?? deps.store,
    logger: deps.logger,
    now: deps.now ?? Date.now,
    hub: createAlertEventHub(deps.redis, deps.redisPrefix ?? config.redis.prefix, deps.logger),
    limiter: createFailedAuthLimiter(),
    redis: deps.redis,
    ready: deps.ready,
  };
  app.addHook('onClose', () => ctx.hub.close());

  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith(ADMIN_QUEUES_PATH)) reply.header('content-security-policy', ADMIN_CONTENT_SECURITY_POLICY);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.addHook('onRequest', originGuard(config.api.publicUrl, config.api.token !== ''));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BadRequestError) return reply.code(error.statusCode).send({ error: error.message });
    if (error.validation) return reply.code(400).send({ error: error.message });
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ error: error.message });
    request.log.error({ err: error, route: request.routeOptions.url }, 'API request failed');
    return reply.code(500).send({ error: 'internal error' });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Vigie API', version: '1', description: 'The numbers behind the Vigie dashboard: KPIs, mentions, alerts, influencers, business correlations.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: config.api.token ? [{ bearer: [] }] : [],
    },
  });

  await healthRoutes(app, ctx);
  await ackLinkRoutes(app, ctx);
  await pageRoutes(app, ctx);
  await operationsRoutes(app, ctx, deps.queues);
  await docsRoutes(app, ctx);
  await shareRoutes(app, ctx);
  await app.register(
    async (api) => {
      if (config.api.token) {
        const guard = tokenGuard(config.api.token, ctx.limiter, ctx.now);
        const share = shareCredential(ctx);
        api.addHook('onRequest', async (request, reply) => {
          const shared = await share(request, reply);
          if (shared === 'admitted') return;
          if (shared !== 'none') return shared;
          return guard(request, reply);
        });
      }
      await entityRoutes(api, ctx);
      await kpiRoutes(api, ctx);
      await audienceRoutes(api, ctx);
      await influencerRoutes(api, ctx);
      await mentionRoutes(api, ctx);
      await labelRoutes(api, ctx);
      await reviewRoutes(api, ctx);
      await tagRoutes(api, ctx);
      await alertRoutes(api, ctx);
      await crisisRoutes(api, ctx);
      await inboxRoutes(api, ctx);
      await eventRoutes(api, ctx);
      await businessRoutes(api, ctx);
      await sourceRoutes(api, ctx);
      await shareApiRoutes(api, ctx);
      await themeRoutes(api, ctx);
      await reportRoutes(api, ctx);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );
  return app;
}

export async function startApi(deps: ApiDeps): Promise<{ url: string; close(): Promise<void> }> {
  assertSafeBinding(deps.config.api);
  const app = await buildApi(deps);
  await app.listen({ host: deps.config.api.host, port: deps.config.api.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.config.api.port;
  const host = deps.config.api.host.includes(':') ? `[${deps.config.api.host}]` : deps.config.api.host;
  return { url: `http://${host}:${port}`, close: () => app.close() };
}
