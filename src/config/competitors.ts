// Which configured entities an entity is benchmarked against: its configured peers, else a brand's competitors.
import type { VigieConfig } from './load-config.js';
import type { EntityConfig } from './schema.js';

/**
 * The entity's `peers` when configured (a CEO against rival CEOs, a product against rival products); otherwise, for a
 * brand, the competitor entities whose parent it is (for a competitor, its brand's), and for a product or a person
 * nothing: comparing a CEO with competitor brands says nothing about the CEO.
 */
export function competitorsOf(config: VigieConfig, entity: EntityConfig): EntityConfig[] {
  if (entity.peers) return entity.peers.flatMap((id) => config.entities.filter((e) => e.id === id));
  if (entity.kind === 'product' || entity.kind === 'person') return [];
  const brandId = entity.kind === 'brand' ? entity.id : entity.parent;
  return config.entities.filter((e) => e.kind === 'competitor' && e.parent === brandId && e.id !== entity.id);
}
