// Operator endpoints: /metrics (Prometheus) and the bull-board queue view, behind the token (/ready is in health.ts).
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerQueueGauges, registry } from '../../observability/metrics.js';
import type { Queues } from '../../queue/queues.js';
import { admitCredential, presentedToken, tokenCheck } from '../auth.js';
import type { RouteContext } from '../route-context.js';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** The token as Bearer or as a Basic password (what a browser's login prompt sends), for pages an operator opens by hand. */
export function operatorGuard(ctx: RouteContext) {
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
}
