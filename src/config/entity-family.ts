// The entities watched together: a brand with its products, people and competitors, found through `parent`.
import type { VigieConfig } from './load-config.js';

/** The topmost ancestor of an entity (itself when it has no parent); a parent cycle stops where it repeats. */
export function rootEntity(config: VigieConfig, entityId: string): string {
  const seen = new Set<string>();
  let id = entityId;
  while (!seen.has(id)) {
    seen.add(id);
    const parent = config.entities.find((e) => e.id === id)?.parent;
    if (parent === undefined) break;
    id = parent;
  }
  return id;
}

/** The other entities sharing the entity's root: one team follows them, one crisis often touches several. */
export function entityFamily(config: VigieConfig, entityId: string): string[] {
  const root = rootEntity(config, entityId);
  return config.entities.map((e) => e.id).filter((id) => id !== entityId && rootEntity(config, id) === root);
}

/**
 * The entity whose crisis room an entity's alerts join: its family's root, except for a competitor, whose troubles
 * are competitive intelligence, never the brand's crisis: a competitor is its own room.
 */
export function crisisRoot(config: VigieConfig, entityId: string): string {
  return config.entities.find((e) => e.id === entityId)?.kind === 'competitor' ? entityId : rootEntity(config, entityId);
}
