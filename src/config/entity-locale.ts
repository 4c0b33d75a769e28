// The language an entity is written to in: its alerts, their messages and its digest.
import type { Locale } from '../domain/locale.js';
import type { VigieConfig } from './load-config.js';

/**
 * The entity's own locale; else its parent's (a French brand's product, CEO and competitors are followed by the same
 * French team), up the chain; else the configuration's. An unknown entity gets the configuration's.
 */
export function entityLocale(config: VigieConfig, entityId: string): Locale {
  const seen = new Set<string>();
  for (let id: string | undefined = entityId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const entity = config.entities.find((e) => e.id === id);
    if (entity?.locale) return entity.locale;
    id = entity?.parent;
  }
  return config.locale;
}
