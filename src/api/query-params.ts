// Shared query-string pieces: the period (ISO date/time or epoch ms), the entity, and their JSON schemas for OpenAPI.
import type { EntityConfig } from '../config/schema.js';
import type { VigieConfig } from '../config/load-config.js';
import { resolvePeriod, type Period } from '../analytics/period.js';
import { dataSpan } from '../store/rollup-queries.js';
import type { Store } from '../store/database.js';

export class BadRequestError extends Error {
  readonly statusCode: number;
  constructor(message: string, statusCode = 400) {
    super(message);
    this.statusCode = statusCode;
  }
}

export const periodQuerySchema = {
  from: { type: 'string', description: 'Start (inclusive): ISO date or date-time, or epoch ms. Default: 7 days before the end.' },
  to: { type: 'string', description: 'End (exclusive): ISO date or date-time, or epoch ms. Default: the end of the stored data.' },
} as const;

export const entityQuerySchema = {
  entity: { type: 'string', description: 'Entity id from the config; default: the first brand.' },
} as const;

export function parseTime(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(t)) throw new BadRequestError(`${name}: expected an ISO date or epoch milliseconds, got "${value.slice(0, 40)}"`);
  return t;
}

export async function periodFromQuery(store: Store, query: { from?: string; to?: string }, now: number): Promise<Period> {
  const from = parseTime(query.from, 'from');
  const to = parseTime(query.to, 'to');
  if (from !== undefined && to !== undefined && to <= from) throw new BadRequestError('to: expected a time after from');
  return resolvePeriod({ from, to }, to === undefined ? await dataSpan(store.db) : null, now);
}

/** The entity asked for, or the first brand when none is named; 404 for an unknown id. */
export function entityFromQuery(config: VigieConfig, id: string | undefined): EntityConfig {
  if (!id) return config.entities.find((e) => e.kind === 'brand') ?? config.entities[0];
  const entity = config.entities.find((e) => e.id === id);
  if (!entity) throw new BadRequestError(`entity: no configured entity has the id "${id.slice(0, 60)}"`, 404);
  return entity;
}
