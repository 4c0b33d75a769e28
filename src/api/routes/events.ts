// GET /api/events: server-sent events of alert changes, so open dashboards show new alerts without a reload.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { SECURITY_HEADERS } from '../security-headers.js';
import type { RouteContext } from '../route-context.js';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

export async function eventRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const open = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/events', {
    schema: { summary: 'Alert changes as server-sent events (event: alert, data: {alertId, entityId, event, severity, at})', tags: ['alerts'] },
  }, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    open.add(res);
    const stop = ctx.hub.listen((m) => res.write(`event: alert\ndata: ${JSON.stringify(m)}\n\n`));
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
      open.delete(res);
    });
  });
}
