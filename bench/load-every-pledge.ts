import { scenarioFacts } from '../src/web/features/overview/overview.data.js';
import { apiListAll, apiRequest, withQuery } from '../src/web/lib/api-client.js';
import type { FactRecord } from '../src/web/lib/records.js';

// The baseline of the page-data benchmarks: what the dashboard's pages loaded before they asked the server for what
// they draw — every record of the reference collections and every pledge record, and the scenario evaluated with
// every pledge listed, page by page (10,000 a request, the API's maximum). No page loads this any more.

const PAGE = 10_000;

/** Every pledge record and every evaluated pledge of the scenario without switches, as the pages once loaded them. */
export async function loadEveryPledge(asOf?: string): Promise<{ records: number; evaluated: number }> {
  const query = { asOf };
  const [, facts, , , pledges] = await Promise.all([
    apiListAll('/api/parties', query),
    apiListAll<FactRecord>('/api/facts', query),
    apiListAll('/api/requirements', query),
    apiListAll('/api/packages', query),
    apiListAll('/api/pledges', query),
  ]);
  const body = { facts: scenarioFacts(facts, new Map()), ...(asOf ? { asOf } : {}) };
  type Page = { pledges: unknown[]; pledgesPage?: { total: number } };
  const first = await apiRequest<Page>('POST', withQuery('/api/scenarios/evaluate', { pledges: 'all', limit: PAGE }), body);
  let evaluated = first.pledges.length;
  const total = first.pledgesPage?.total ?? evaluated;
  while (evaluated < total) {
    const page = await apiRequest<Page>('POST', withQuery('/api/scenarios/evaluate', { pledges: 'all', limit: PAGE, offset: evaluated }), body);
    if (page.pledges.length === 0) break;
    evaluated += page.pledges.length;
  }
  return { records: pledges.length, evaluated };
}
