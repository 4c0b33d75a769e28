// A second handle on a PostgreSQL database that records every SQL statement the API runs, to EXPLAIN them afterwards.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SESSION_SETTINGS, type Store } from '../../src/store/database.js';
import type { Database } from '../../src/store/tables.js';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

// As the app's own pool does: int8 and numeric as numbers.
const numberTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

export function capturingStore(url: string): {
  store: Store;
  queries: CapturedQuery[];
  explain(q: CapturedQuery, analyze: boolean): Promise<string>;
  /** Every table the plan reads (partitions by their own names). */
  relationsOf(q: CapturedQuery): Promise<string[]>;
} {
  const queries: CapturedQuery[] = [];
  // With the app's session settings, so the plans printed are the ones the app's queries get.
  const pool = new pg.Pool({ connectionString: url, max: 4, types: numberTypes, options: SESSION_SETTINGS.join(' ') });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
    },
  });
  return {
    store: { db, dialect: 'postgres', description: 'PostgreSQL (query capture)', close: () => db.destroy() },
    queries,
    async explain(q, analyze) {
      const result = await pool.query(`EXPLAIN (${analyze ? 'ANALYZE, BUFFERS, ' : ''}COSTS) ${q.sql}`, [...q.parameters]);
      return result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    },
    async relationsOf(q) {
      const result = await pool.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, [...q.parameters]);
      const names = new Set<string>();
      const walk = (node: Record<string, unknown>) => {
        if (typeof node['Relation Name'] === 'string') names.add(node['Relation Name']);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      for (const plan of result.rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[]) walk(plan.Plan);
      return [...names];
    },
  };
}

/** Sequential scans of the big tables or of their weekly partitions: what the dashboard must never do. */
export function scansMentions(plan: string): boolean {
  // An empty partition (a week still ahead) costs 0.00..0.00: scanning it reads nothing.
  return plan.split('\n').some((line) => /Seq Scan on (mentions|mention_entities)(_p\d{8}|_legacy)?\b/.test(line) && !/cost=0\.00\.\.0\.00 /.test(line));
}
