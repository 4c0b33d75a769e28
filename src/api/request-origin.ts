// Guards against other web sites driving the API through the user's browser (DNS rebinding, cross-site POST).
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const hostName = (host: string) => host.replace(/:\d+$/, '').toLowerCase();

/**
 * The host of a browser's Origin header, or undefined when it names no web page that could be ours: `null`
 * (sandboxed iframes, file: pages, redirected requests), an unparsable value, or a scheme other than http(s).
 */
function webOriginHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Without a token the loopback address is the only protection, so the Host header must name it (or the public
 * URL): a rebinding attacker's page sends its own host name. A state-changing request (anything but GET and HEAD)
 * that a browser sent from another origin is refused, on every route (bull-board's API included): its Origin must
 * be this host or the public URL, and the browser must not have marked it cross-site. Clients that are not
 * browsers send neither header and are judged by the token alone.
 */
export function originGuard(publicUrl: string, tokenSet: boolean) {
  const publicHost = publicUrl ? new URL(publicUrl).host.toLowerCase() : '';
  return async function checkOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!tokenSet && !LOOPBACK.has(hostName(host)) && host !== publicHost) {
      return reply.code(403).send({ error: 'this address is not allowed without an API token' });
    }
    if (SAFE_METHODS.has(request.method)) return;
    const { origin } = request.headers;
    const site = request.headers['sec-fetch-site'];
    const originHost = origin === undefined ? undefined : webOriginHost(origin);
    const foreignOrigin = origin !== undefined && (originHost === undefined || (originHost !== host && originHost !== publicHost));
    if (foreignOrigin || site === 'cross-site' || site === 'same-site') return reply.code(403).send({ error: 'cross-origin request refused' });
  };
}
