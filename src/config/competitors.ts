// Which configured entities a brand is compared with.
import type { VigieConfig } from './load-config.js';
import type { EntityConfig } from './schema.js';

/** A brand's competitors: the competitor entities whose parent is the brand (or, for a competitor, its brand's). */
export function competitorsOf(config: VigieConfig, entity: EntityConfig): EntityConfig[] {
  const brandId = entity.kind === 'brand' ? entity.id : entity.parent;
  return config.entities.filter((e) => e.kind === 'competitor' && e.parent === brandId && e.id !== entity.id);
}
