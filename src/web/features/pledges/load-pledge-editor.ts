import type { PledgeListRow } from '../../../core/pledge-list/pledge-list-page.js';
import type { FactValue, Pledge } from '../../../core/types.js';
import { apiRequest } from '../../lib/api-client.js';
import { cached } from '../../lib/cache.js';
import { loadPledgePage, loadReferenceWithoutPledges } from '../../lib/load-scenario-view.js';
import { type CapabilityRecord, loadCollection } from '../../lib/records.js';
import { loadScenarioBody } from '../../lib/scenario-request.js';
import type { EditorReference, Preview } from './pledge-editor.data.js';
import { previewPledge } from './pledge-editor.data.js';

// What /pledges/<id> loads besides the pledge record (GET /api/pledges/<id>) and the list below it — no React here, so
// that bench/page-data.bench.ts times exactly these requests: the reference data without pledges, the capability
// records, and either the server's preview of the draft (who may edit it) or the pledge's row of the pledge list (who
// may read it), never every pledge.

/** Parties, facts, requirements, packages and capabilities as of a date, shared between screens. */
export function loadEditorReference(asOf: string | undefined): Promise<EditorReference> {
  return cached(`editor-reference:${asOf ?? ''}`, async () => {
    const [reference, capabilities] = await Promise.all([loadReferenceWithoutPledges(asOf), loadCollection<CapabilityRecord>('capabilities', asOf)]);
    return { ...reference, capabilities };
  });
}

/** The server's preview of a draft under the scenario of the fact switches as of a date (POST /api/scenarios/pledge-preview). */
export async function loadPledgePreview(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>, draft: Pledge): Promise<Preview> {
  const body = await loadScenarioBody(asOf, overrides);
  return apiRequest<Preview>('POST', '/api/scenarios/pledge-preview', { ...body, pledge: previewPledge(draft) });
}

/** A pledge's row in the scenario's pledge list (state, explanation chain), found by its party and id; null if not listed. */
export async function loadEvaluatedPledge(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>, pledge: { id: string; party: string }, language: string): Promise<PledgeListRow | null> {
  // The search finds every pledge whose text holds the id (de-1 also finds de-10): a party's few, one page.
  const page = await loadPledgePage(asOf, overrides, { party: pledge.party, q: pledge.id, offset: 0, limit: 500 }, language);
  return page.items.find((row) => row.id === pledge.id) ?? null;
}
