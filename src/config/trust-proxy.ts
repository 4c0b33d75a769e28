// api.trustProxy: which proxies may tell the client's address (X-Forwarded-For), in the forms fastify's trustProxy takes.
import { isIP } from 'node:net';
import { z } from 'zod';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(value: string): boolean {
  if (NAMED_RANGES.has(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** From the environment every value is a string: "true", "2", or "10.0.0.1, 10.0.0.2". */
function fromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/**
 * Off by default: X-Forwarded-For is anyone's to write, so it is believed only from proxies named here. `true` trusts
 * every hop (only when nothing reaches Vigie but through the proxy), a number trusts that many hops, a list trusts
 * those addresses or ranges (`10.0.0.0/8`, `loopback`, `linklocal`, `uniquelocal`).
 */
export const trustProxySchema = z
  .preprocess(
    fromText,
    z.union([
      z.boolean(),
      z.number().int().min(1),
      z.array(z.string().trim().refine(isProxyAddress, 'expected an IP address, a CIDR range like 10.0.0.0/8, or loopback, linklocal, uniquelocal')).min(1),
    ]),
  )
  .default(false);
