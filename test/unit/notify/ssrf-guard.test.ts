// Address classification and URL vetting of the SSRF guard, on hand-picked addresses at every range boundary.
import { describe, expect, it } from 'vitest';
import { classifyAddress, guardedLookup, isAddressAllowed, parseWebhookUrl, SsrfBlockedError, type ResolvedAddress } from '../../../src/notify/ssrf-guard.js';

describe('classifyAddress, IPv4', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.255.255.255', 'unspecified'],
    ['9.255.255.255', 'public'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['11.0.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.0', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.0', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.255.0.1', 'public'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.168.1.1', 'private'],
    ['192.169.0.1', 'public'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('classifyAddress, IPv6', () => {
  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4007:80e::200e', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local'], // 169.254.169.254, the metadata service
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:100.64.0.1', 'cgnat'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::7f00:1', 'loopback'], // NAT64 of 127.0.0.1
    ['64:ff9b::808:808', 'public'], // NAT64 of 8.8.8.8
    ['2002:c0a8:0101::1', 'private'], // 6to4 of 192.168.1.1
    ['::127.0.0.1', 'loopback'], // IPv4-compatible, deprecated but still the address it names
    ['::ffff:0:7f00:1', 'loopback'], // IPv4-translated (SIIT)
  ])('IPv4 inside IPv6: %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('calls anything that is not an IP address invalid', () => {
    expect(classifyAddress('localhost')).toBe('invalid');
    expect(classifyAddress('127.0.0.1.evil.example')).toBe('invalid');
    expect(classifyAddress('')).toBe('invalid');
  });
});

describe('isAddressAllowed', () => {
  it('lets only public addresses through by default, and internal ones with the flag', () => {
    expect(isAddressAllowed('8.8.8.8', false)).toBe(true);
    expect(isAddressAllowed('127.0.0.1', false)).toBe(false);
    expect(isAddressAllowed('::ffff:127.0.0.1', false)).toBe(false);
    expect(isAddressAllowed('127.0.0.1', true)).toBe(true);
    expect(isAddressAllowed('not-an-ip', true)).toBe(false);
  });
});

describe('parseWebhookUrl', () => {
  it.each([
    'http://2130706433/hook', // decimal
    'http://0x7f000001/hook', // hex
    'http://0177.0.0.1/hook', // octal
    'http://0x7f.0.0.1/hook', // mixed
    'http://127.1/hook', // short form
    'http://[::1]:8080/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data',
    'http://169.254.169.254/latest/meta-data',
    'https://10.0.0.5/hook',
    'http://0.0.0.0:3000/',
  ])('refuses %s without the flag', (url) => {
    expect(() => parseWebhookUrl(url, false)).toThrow(SsrfBlockedError);
  });

  it('accepts those literal addresses when the channel allows the private network', () => {
    expect(parseWebhookUrl('http://2130706433/hook', true).hostname).toBe('127.0.0.1');
    expect(parseWebhookUrl('http://[::1]:8080/hook', true).port).toBe('8080');
  });

  it('refuses other schemes, credentials in the URL, and junk', () => {
    expect(() => parseWebhookUrl('ftp://hooks.example/x', true)).toThrow(/http or https/);
    expect(() => parseWebhookUrl('file:///etc/passwd', true)).toThrow(/http or https/);
    expect(() => parseWebhookUrl('gopher://hooks.example:70/', true)).toThrow(/http or https/);
    expect(() => parseWebhookUrl('https://user:pass@hooks.example/x', false)).toThrow(/credentials/);
    expect(() => parseWebhookUrl('not a url', false)).toThrow(/not a valid URL/);
  });

  it('leaves host names to the connect-time check', () => {
    expect(parseWebhookUrl('https://hooks.slack.com/services/T0/B0/x', false).hostname).toBe('hooks.slack.com');
  });
});

describe('guardedLookup', () => {
  const resolver = (table: Record<string, ResolvedAddress[]>) => async (host: string) => table[host] ?? [];
  const lookupOnce = (lookup: ReturnType<typeof guardedLookup>, host: string, options: { all?: boolean; family?: number }) =>
    new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => lookup(host, options, (error, address, family) => resolve({ error, address, family })));
  const table = {
    'public.example': [{ address: '93.184.216.34', family: 4 }],
    'rebind.example': [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
    'dual.example': [
      { address: '2606:4700::1', family: 6 },
      { address: '93.184.216.35', family: 4 },
    ],
  };

  it('refuses a name when any of its addresses is internal', async () => {
    const result = await lookupOnce(guardedLookup(resolver(table), false), 'rebind.example', { all: true });
    expect(result.error).toBeInstanceOf(SsrfBlockedError);
    expect(result.error?.message).toContain('127.0.0.1 is a loopback address');
  });

  it('answers in the shape node:net asked for', async () => {
    const lookup = guardedLookup(resolver(table), false);
    expect(await lookupOnce(lookup, 'dual.example', { all: true })).toEqual({ error: null, address: table['dual.example'], family: undefined });
    expect(await lookupOnce(lookup, 'public.example', {})).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect(await lookupOnce(lookup, 'dual.example', { family: 4 })).toEqual({ error: null, address: '93.184.216.35', family: 4 });
  });

  it('lets internal addresses through with the flag, and reports an unknown name', async () => {
    const lookup = guardedLookup(resolver(table), true);
    expect((await lookupOnce(lookup, 'rebind.example', {})).address).toBe('93.184.216.34');
    expect((await lookupOnce(lookup, 'nowhere.example', {})).error?.message).toMatch(/no address/);
  });
});
