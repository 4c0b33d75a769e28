// The SSRF guard classifies every IPv6 form that embeds an IPv4 address by that address, in every spelling:
// IPv4-mapped, IPv4-translated (::ffff:0:7f00:1), IPv4-compatible, NAT64, 6to4; Teredo is never public.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, parseWebhookUrl, SsrfBlockedError } from '../../src/notify/ssrf-guard.js';
import { RUNS } from './arbitraries.js';

/** IPv4 addresses from every internal range as often as public ones: the cases that matter are the internal ones. */
const INTERNAL_RANGES: Array<[number, number]> = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16], [0xac100000, 12], [0xc0000000, 24],
  [0xc0000200, 24], [0xc0586300, 24], [0xc0a80000, 16], [0xc6120000, 15], [0xc6336400, 24], [0xcb007100, 24], [0xe0000000, 4], [0xf0000000, 4],
];
const ipv4Number = fc.oneof(
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.constantFrom(...INTERNAL_RANGES).chain(([first, prefix]) => fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((n) => first + n)),
);
const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const hi = (n: number) => (n >>> 16).toString(16);
const lo = (n: number) => (n & 0xffff).toString(16);

/** Each embedding as [name, groups before the IPv4 address (as text), whether a dotted tail may spell it]. */
const EMBEDDINGS: Array<{ name: string; spell: (n: number) => string[] }> = [
  { name: 'IPv4-mapped ::ffff:0:0/96', spell: (n) => [`::ffff:${dotted(n)}`, `::ffff:${hi(n)}:${lo(n)}`, `0:0:0:0:0:FFFF:${hi(n)}:${lo(n)}`] },
  { name: 'IPv4-translated ::ffff:0:0:0/96', spell: (n) => [`::ffff:0:${dotted(n)}`, `::ffff:0:${hi(n)}:${lo(n)}`, `0000:0000:0000:0000:ffff:0000:${hi(n).padStart(4, '0')}:${lo(n).padStart(4, '0')}`] },
  { name: 'NAT64 64:ff9b::/96', spell: (n) => [`64:ff9b::${dotted(n)}`, `64:ff9b::${hi(n)}:${lo(n)}`, `0064:FF9B:0:0:0:0:${hi(n)}:${lo(n)}`] },
  { name: '6to4 2002::/16', spell: (n) => [`2002:${hi(n)}:${lo(n)}::1`, `2002:${hi(n)}:${lo(n)}:0:0:0:0:0`, `2002:${hi(n)}:${lo(n)}:abcd::${dotted(0x01020304)}`] },
];

describe('IPv4 addresses inside IPv6 (property)', () => {
  it.each(EMBEDDINGS)('$name takes the class of the IPv4 address it carries, in every spelling', ({ spell }) => {
    fc.assert(
      fc.property(ipv4Number, (n) => {
        const expected = classifyAddress(dotted(n));
        for (const address of spell(n)) expect(classifyAddress(address), address).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('IPv4-compatible ::a.b.c.d takes the class of its IPv4 address (:: and ::1 keep theirs)', () => {
    fc.assert(
      fc.property(ipv4Number.filter((n) => n > 1), (n) => {
        expect(classifyAddress(`::${dotted(n)}`)).toBe(classifyAddress(dotted(n)));
        expect(classifyAddress(`::${hi(n)}:${lo(n)}`)).toBe(classifyAddress(dotted(n)));
      }),
      { numRuns: RUNS },
    );
    expect(classifyAddress('::')).toBe('unspecified');
    expect(classifyAddress('::1')).toBe('loopback');
  });

  it('Teredo 2001::/32 takes the class of its server or client address when that is internal, and is never public', () => {
    fc.assert(
      fc.property(ipv4Number, ipv4Number, (server, client) => {
        // The client address is stored inverted (RFC 4380).
        const inverted = ~client >>> 0;
        const address = `2001:0:${hi(server)}:${lo(server)}:8000:fffe:${hi(inverted)}:${lo(inverted)}`;
        const internal = [classifyAddress(dotted(server)), classifyAddress(dotted(client))].filter((c) => c !== 'public');
        expect(classifyAddress(address)).toBe(internal[0] ?? 'reserved');
      }),
      { numRuns: RUNS },
    );
  });

  it('a webhook URL naming an internal IPv4 address in any of these forms is refused, whatever the URL parser makes of it', () => {
    fc.assert(
      fc.property(ipv4Number.filter((n) => classifyAddress(dotted(n)) !== 'public'), fc.constantFrom(...EMBEDDINGS), (n, embedding) => {
        for (const address of embedding.spell(n)) expect(() => parseWebhookUrl(`http://[${address}]:8080/hook`, false), address).toThrow(SsrfBlockedError);
      }),
      { numRuns: RUNS },
    );
  });

  it('the review case: ::ffff:0:7f00:1 is loopback', () => {
    expect(classifyAddress('::ffff:0:7f00:1')).toBe('loopback');
    expect(() => parseWebhookUrl('http://[::ffff:0:7f00:1]/hook', false)).toThrow(/loopback/);
  });
});
