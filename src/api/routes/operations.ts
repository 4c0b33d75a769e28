// Operator endpoints: /metrics (Prometheus), /ready (alias of /health/ready) and the bull-board queue view, all behind the token.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerQueueGauges, registry } from '../../observability/metrics.js';
import type { Queues } from '../../queue/queues.js';
import { admitCredential, bearerToken, tokenCheck } from '../auth.js';
import type { RouteContext } from '../route-context.js';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** Bearer for tools (Prometheus), or HTTP Basic with the token as password so a browser can open bull-board. */
function presentedToken(request: FastifyRequest): string {
  const bearer = bearerToken(request.headers.authorization);
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!basic) return '';
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

function operatorGuard(ctx: RouteContext) {
  const token = ctx.config.api.token;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!token) return; // loopback only: startApi refuses any other address without a token
    const verdict = admitCredential(ctx.limiter, 'operator', request, reply, ctx.now(), tokenCheck(presentedToken(request), token));
    if (verdict === 'admitted') return;
    if (verdict === 'answered') return reply;
    return reply.code(401).header('www-authenticate', 'Basic realm="Vigie", charset="UTF-8"').send({ error: 'the API token is required (Bearer, or Basic with the token as password)' });
  };
}

export async function operationsRoutes(app: FastifyInstance, ctx: RouteContext, queues: Queues | undefined): Promise<void> {
  if (queues) registerQueueGauges(queues);
  await app.register(async (scope) => {
    scope.addHook('onRequest', operatorGuard(ctx));
    scope.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
    if (queues) {
      const board = new FastifyAdapter();
      createBullBoard({ queues: Object.values(queues).map((q) => new BullMQAdapter(q)), serverAdapter: board });
      board.setBasePath(ADMIN_QUEUES_PATH);
      await scope.register(board.registerPlugin(), { prefix: ADMIN_QUEUES_PATH });
    }
  });
  app.get('/ready', { schema: { summary: 'Readiness (same as /health/ready)', tags: ['health'] } }, async (request, reply) => {
    const answer = await app.inject({ method: 'GET', url: '/health/ready', headers: { host: request.headers.host ?? '127.0.0.1' } });
    return reply.code(answer.statusCode).type('application/json').send(answer.body);
  });
}
