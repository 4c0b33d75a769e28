// Every migration, in order. Listed statically so the compiled build and tsx both find them.
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_privacy.js';
import * as m0003 from './0003_ingest_indexes.js';
import * as m0004 from './0004_crisis_room.js';
import * as m0005 from './0005_labels_models_tags.js';
import * as m0009 from './0009_partition_mentions.js';
import * as m0010 from './0010_link_stance.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_privacy': m0002,
  '0003_ingest_indexes': m0003,
  '0004_crisis_room': m0004,
  '0005_labels_models_tags': m0005,
  '0009_partition_mentions': m0009,
  '0010_link_stance': m0010,
};
