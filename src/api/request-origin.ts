// Guards against other web sites driving the API through the user's browser (DNS rebinding, cross-site POST).
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const hostName = (host: string) => host.replace(/:\d+$/, '').toLowerCase();

/**
 * Without a token the loopback address is the only protection, so the Host header must name it (or the public
 * URL): a rebinding attacker's page sends its own host name. A POST from a page of another origin is refused.
 */
export function originGuard(publicUrl: string, tokenSet: boolean) {
  const publicHost = publicUrl ? new URL(publicUrl).host.toLowerCase() : '';
  return async function checkOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!tokenSet && !LOOPBACK.has(hostName(host)) && host !== publicHost) {
      return reply.code(403).send({ error: 'this address is not allowed without an API token' });
    }
    const origin = request.headers.origin;
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin !== undefined) {
      let originHost = '';
      try {
        originHost = new URL(origin).host.toLowerCase();
      } catch {
        // an unparsable Origin is treated as foreign
      }
      if (originHost !== host && originHost !== publicHost) return reply.code(403).send({ error: 'cross-origin request refused' });
    }
  };
}
