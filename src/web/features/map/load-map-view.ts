import type { PartyDomainAggregate } from '../../../core/party-domains/aggregate-party-domains.js';
import type { FactValue } from '../../../core/types.js';
import { apiRequest } from '../../lib/api-client.js';
import { cached } from '../../lib/cache.js';
import { scenarioKey } from '../../lib/load-scenario-view.js';
import { loadCollection, type PartyRecord } from '../../lib/records.js';
import { loadScenarioBody } from '../../lib/scenario-request.js';

// What the map draws: the parties as of the date and the server's aggregate of the scenario per party and domain
// (POST /api/scenarios/party-domains) — counts, strongest state and the first pledges of each — never every pledge.

export interface MapView {
  parties: PartyRecord[];
  aggregate: PartyDomainAggregate;
  /** The evaluated facts and date (scenarioKey), drawn as data-scenario. */
  key: string;
}

/** Pledges the hover box lists per party; the rest are counted and on the party's page. */
export const PLEDGES_PER_PARTY = 10;

/** Load the parties and the map aggregate of the scenario of the fact switches as of a date. */
export async function loadMapView(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>): Promise<MapView> {
  const [parties, body] = await Promise.all([loadCollection<PartyRecord>('parties', asOf), loadScenarioBody(asOf, overrides)]);
  const aggregate = await cached(`party-domains:${JSON.stringify(body)}`, () =>
    apiRequest<PartyDomainAggregate>('POST', `/api/scenarios/party-domains?pledgesPerCell=${PLEDGES_PER_PARTY}`, body),
  );
  return { parties, aggregate, key: scenarioKey(asOf, overrides) };
}
