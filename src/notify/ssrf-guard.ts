// Refuses outgoing webhook requests that would reach loopback, private, link-local or otherwise internal addresses (SSRF).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, isIPv4 } from 'node:net';

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'reserved'
  | 'invalid';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has: the guard must vet them all, not just the first. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export class SsrfBlockedError extends Error {
  constructor(readonly host: string, readonly address: string, readonly addressClass: AddressClass) {
    super(
      `refused to send to ${host} (${address} is ${addressClass === 'invalid' ? 'not a valid address' : `a ${addressClass} address`}); ` +
        'set allowPrivateNetwork: true on the channel if this target is intended',
    );
    this.name = 'SsrfBlockedError';
  }
}

// [first address, prefix length, class], most specific ranges first where they overlap.
const IPV4_RANGES: Array<[string, number, AddressClass]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // includes the cloud metadata service 169.254.169.254
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes the broadcast address 255.255.255.255
];

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function classifyIPv4(ip: string): AddressClass {
  const n = ipv4ToNumber(ip);
  for (const [first, prefix, cls] of IPV4_RANGES) {
    const size = 2 ** (32 - prefix);
    const start = ipv4ToNumber(first);
    if (n >= start && n < start + size) return cls;
  }
  return 'public';
}

/** The eight 16-bit groups of a valid IPv6 address (handles "::" and a dotted IPv4 tail). */
function ipv6Groups(ip: string): number[] {
  // A zone id (fe80::1%eth0) does not change the class; a dotted tail (::ffff:1.2.3.4) is two groups.
  const text = ip.split('%')[0].replace(/(\d+\.\d+\.\d+\.\d+)$/, (dotted) => {
    const n = ipv4ToNumber(dotted);
    return `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  });
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  if (!text.includes('::')) return parse(text);
  const [head, tail] = text.split('::');
  const left = parse(head);
  const right = parse(tail);
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

/** The class of the IPv4 address in groups `at` and `at + 1`, bits inverted when `inverted` (Teredo's client). */
function embeddedClass(groups: number[], at: number, inverted = false): AddressClass {
  const [high, low] = inverted ? [groups[at] ^ 0xffff, groups[at + 1] ^ 0xffff] : [groups[at], groups[at + 1]];
  return classifyIPv4([high >> 8, high & 255, low >> 8, low & 255].join('.'));
}

function classifyIPv6(ip: string): AddressClass {
  const g = ipv6Groups(ip);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // These reach, or are translated to, the IPv4 address in their last 32 bits: IPv4-mapped ::ffff:a.b.c.d,
  // IPv4-translated ::ffff:0:a.b.c.d (SIIT), the deprecated IPv4-compatible ::a.b.c.d, and NAT64's 64:ff9b::a.b.c.d.
  if (zeros(0, 5) && g[5] === 0xffff) return embeddedClass(g, 6);
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return embeddedClass(g, 6);
  if (zeros(0, 6)) return embeddedClass(g, 6);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embeddedClass(g, 6);
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private'; // 64:ff9b:1::/48, local-use NAT64 (RFC 8215)
  if (g[0] === 0x2002) return embeddedClass(g, 1); // 6to4 carries its IPv4 relay
  if (g[0] === 0x2001 && g[1] === 0) {
    // Teredo (RFC 4380) carries its server's address and, inverted, its client's: an internal one gives the class;
    // otherwise it is still refused, as traffic through third-party relays to a tunnel is no webhook target.
    const inside = [embeddedClass(g, 2), embeddedClass(g, 6, true)].find((c) => c !== 'public');
    return inside ?? 'reserved';
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, deprecated site-local
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (g[0] === 0x0100 && zeros(1, 4)) return 'reserved'; // discard-only 100::/64
  return 'public';
}

/** The class of a literal IP address as DNS returns it (dotted IPv4 or IPv6 text). */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return classifyIPv4(bare);
  if (isIP(bare.split('%')[0]) === 6) return classifyIPv6(bare);
  return 'invalid';
}

export function isAddressAllowed(address: string, allowPrivateNetwork: boolean): boolean {
  const cls = classifyAddress(address);
  if (cls === 'invalid') return false;
  return cls === 'public' || allowPrivateNetwork;
}

/**
 * Parses a webhook URL and vets what can be vetted without DNS: the scheme, and the host when it is an
 * IP literal. The WHATWG parser already turns decimal, hex and octal IPv4 forms (2130706433, 0x7f.1,
 * 0177.0.0.1) into dotted form, so they are classified like any other IPv4 address.
 */
export function parseWebhookUrl(raw: string, allowPrivateNetwork: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('webhook URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`webhook URL must be http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new Error('webhook URL must not carry credentials before the host');
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !isAddressAllowed(literal, allowPrivateNetwork)) {
    throw new SsrfBlockedError(url.host, literal, classifyAddress(literal));
  }
  return url;
}

type LookupCallback = (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;

/**
 * A `lookup` for node:net that resolves the host and refuses it when any of its addresses is internal.
 * It runs at connect time, so the address checked is the address connected to: a DNS answer that
 * changes between a check and the connection (DNS rebinding) cannot slip through.
 */
export function guardedLookup(resolve: HostResolver, allowPrivateNetwork: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (found) => {
        const wanted = Number(options.family) === 4 || Number(options.family) === 6 ? found.filter((a) => a.family === Number(options.family)) : found;
        const refused = wanted.find((a) => !isAddressAllowed(a.address, allowPrivateNetwork));
        if (refused) return callback(new SsrfBlockedError(hostname, refused.address, classifyAddress(refused.address)), '');
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        if (options.all) return callback(null, wanted);
        callback(null, wanted[0].address, wanted[0].family);
      },
      (error: Error) => callback(error, ''),
    );
  };
}
