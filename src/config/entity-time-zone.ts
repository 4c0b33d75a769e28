// The time zone an entity's team reads times in: its alerts' messages and crisis room.
import type { VigieConfig } from './load-config.js';

/** The entity's own time zone; else its parent's, up the chain; else the configuration's. */
export function entityTimeZone(config: VigieConfig, entityId: string): string {
  const seen = new Set<string>();
  for (let id: string | undefined = entityId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const entity = config.entities.find((e) => e.id === id);
    if (entity?.timezone) return entity.timezone;
    id = entity?.parent;
  }
  return config.timezone;
}
