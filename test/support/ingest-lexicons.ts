import type { RawLexicons } from '../../src/core/ingest/types.js';
import { loadLexicons } from '../../src/services/ingest/load-lexicons.js';

// The shipped ingestion lexicons for core tests (the core itself never reads files).

/** The lexicons of data/lexicons, as the service loads them. */
export function loadShippedLexicons(): Promise<RawLexicons> {
  return loadLexicons();
}
