// The bench's pure helpers: flags, nearest-rank percentiles, crisis email matching and the table layout.
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../bench/lib/args.js';
import { crisisEntityName, crisisOfMail } from '../../../bench/lib/crisis-posts.js';
import { formatTable, type BenchRow } from '../../../bench/lib/result-table.js';
import { percentile } from '../../../bench/lib/stats.js';

describe('parseBenchArgs', () => {
  it('runs every case by default, in the fixed order', () => {
    expect(parseBenchArgs([])).toEqual({ cases: ['scoring', 'ingest', 'scale-out', 'alert-latency', 'dashboard', 'sqlite'], quick: false, cpuProf: false, redisCluster: false });
  });

  it('keeps the fixed order whatever order --only lists, in both spellings', () => {
    expect(parseBenchArgs(['--only', 'sqlite,scoring', '--quick']).cases).toEqual(['scoring', 'sqlite']);
    expect(parseBenchArgs(['--only=dashboard', '--cpu-prof'])).toEqual({ cases: ['dashboard'], quick: false, cpuProf: true, redisCluster: false });
    expect(parseBenchArgs(['--only', 'scale-out', '--redis-cluster']).redisCluster).toBe(true);
  });

  it('refuses an unknown case or flag, and names it', () => {
    expect(() => parseBenchArgs(['--only', 'ingest,speed'])).toThrow(/unknown case "speed"/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument "--fast"/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/--only needs a case name/);
  });
});

describe('percentile (nearest rank)', () => {
  const samples = [15, 20, 35, 40, 50];

  it('takes the sample at rank ceil(p/100 x n)', () => {
    expect(percentile(samples, 30)).toBe(20); // rank ceil(1.5) = 2
    expect(percentile(samples, 40)).toBe(20); // rank 2
    expect(percentile(samples, 50)).toBe(35); // rank ceil(2.5) = 3
    expect(percentile(samples, 100)).toBe(50);
  });

  it('does not depend on the order of the samples, and is NaN without any', () => {
    expect(percentile([50, 15, 40, 20, 35], 50)).toBe(35);
    expect(percentile([], 99)).toBeNaN();
  });

  it('gives the largest of 100 samples only at p100, the 99th at p99', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 95)).toBe(95);
  });
});

describe('crisisOfMail', () => {
  it('finds the crisis number in the subject, or else in the body', () => {
    expect(crisisEntityName(7)).toBe('Vorlane007');
    expect(crisisOfMail('[Vigie] New alert (medium) – Vorlane042: 6 risk-flagged mentions', '')).toBe(42);
    expect(crisisOfMail('[Vigie] New alert', 'Entity: Vorlane120\n...')).toBe(120);
    expect(crisisOfMail('[Vigie] New alert (high) – Kelio Aura: volume', 'no crisis entity here')).toBeUndefined();
  });
});

describe('formatTable', () => {
  it('aligns columns, prints the ratio with three decimals and the verdict', () => {
    const rows: BenchRow[] = [
      { case: '1 scoring', figure: 'mentions/s', value: '4,000/s', baseline: '64,000/s', ratio: 0.0625, target: '>= 20,000/s', pass: false, raw: {} },
      { case: '5 api', figure: 'p95', value: '12 ms', baseline: '', ratio: null, target: 'none', pass: null, raw: {}, notes: 'an export' },
    ];
    expect(formatTable(rows).split('\n')).toEqual([
      'case      | figure     | value   | baseline (same run) | ratio | target      | result',
      '----------|------------|---------|---------------------|-------|-------------|-------',
      '1 scoring | mentions/s | 4,000/s | 64,000/s            | 0.063 | >= 20,000/s | FAIL',
      '5 api     | p95        | 12 ms   |                     |       | none        | info',
      '',
      'notes:',
      '  5 api / p95: an export',
    ]);
  });
});
