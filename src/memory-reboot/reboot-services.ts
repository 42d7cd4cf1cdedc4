/**
 * What the checker and the admin commands both work with: the group's storage and index, the settings and
 * filters, the way back into the session (ingest), the models, and the log.
 */
import type { MemoryRebootSettings } from '../config/memory-reboot-schema.js';
import type { Logger } from '../log.js';
import type { Ingestor } from '../runtime/ingestor.js';
import type { RuntimeStats } from '../runtime/runtime-stats.js';
import type { Embedder } from './embedder.js';
import type { IndexCache } from './index-cache.js';
import type { CompiledFilters } from './message-filters.js';
import type { RebootJudge } from './reboot-judge.js';
import type { RebootStore } from './reboot-store.js';

export interface RebootServices {
  store: RebootStore;
  cache: IndexCache;
  settings: MemoryRebootSettings;
  filters: CompiledFilters;
  ingestor: Pick<Ingestor, 'ingest'>;
  embedder: Embedder;
  /** Null when `llmConfirm` is off. */
  judge: RebootJudge | null;
  logger: Logger;
  /** Counts checks by outcome (`memory_reboot_checks_total`). */
  stats?: RuntimeStats;
  now?: () => number;
}
