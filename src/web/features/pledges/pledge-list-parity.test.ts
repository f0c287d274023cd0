import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_CATALOGUE } from '../../../core/capabilities.js';
import { pledgeListWords, type PledgeListLanguage, type PledgeRowState, pledgeTexts } from '../../../core/pledge-list/pledge-row-text.js';
import { selectPledgeRows } from '../../../core/pledge-list/select-pledge-rows.js';
import { PLEDGE_STATUSES, type Pledge } from '../../../core/types.js';
import { searchRows, sortRows, type TableColumn } from '../../components/data-table.data.js';
import { capabilityName, formatQuantity } from '../../i18n/capabilities.data.js';
import { areaName, statusName } from '../../i18n/labels.data.js';
import { type MessageKey, translate } from '../../i18n/messages.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { smallDataset } from '../../test-support/small-dataset.js';
import { type PledgeColumnId, pledgeColumns, type PledgeRow } from './pledges.data.js';

// The server's pledge list (core/pledge-list, POST /api/scenarios/pledges) filters, searches and sorts by the same
// texts as this table did in the browser: the same words, and on random pledge lists the same rows in the same
// order as the table's own search and sort (data-table.data.ts) over the rows' English and German texts.

const LANGUAGES: PledgeListLanguage[] = ['en', 'de'];
const parties = smallDataset().parties;
const capabilities = new Map(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability]));
const names = { parties: new Map(parties.map((party) => [party.id, party])), capabilities };

describe('the server’s pledge list words', () => {
  it('are the table’s words in English and German', () => {
    for (const language of LANGUAGES) {
      const t = (key: MessageKey): string => translate(language, key);
      const words = pledgeListWords(language);
      expect(words.headers).toEqual({ id: t('pledges.pledge'), party: t('pledges.party'), capability: t('pledges.capability'), quantity: t('pledges.quantity'), status: t('pledges.status'), condition: t('pledges.condition'), state: t('pledges.filterState'), explanation: t('pledges.explanation'), sources: t('common.sources'), asOf: t('asOf.label') });
      const texts = pledgeTexts(language, names);
      for (const state of ['certain', 'possible', 'inactive'] as const) expect(texts.state(state)).toBe(t(`state.${state}`));
      for (const status of PLEDGE_STATUSES) expect(texts.status(status)).toBe(statusName(t, status));
      for (const area of ['any', 'ua', 'ua.rear', 'ua.front', 'ua.airspace', 'black_sea', 'outside_ua', 'elsewhere']) expect(texts.area(area)).toBe(areaName(t, area));
      for (const capability of [...capabilities.keys(), 'own.kind']) {
        expect(texts.capability(capability)).toBe(capabilityName(language, capability));
        for (const quantity of [null, { min: 5, max: 5 }, { min: 2000, max: 7501 }]) {
          const pledge = { capability, quantity } as Pick<Pledge, 'capability' | 'quantity'> as Pledge;
          expect(texts.quantity(pledge)).toBe(formatQuantity(language, quantity, capability));
        }
      }
      for (const party of [...parties.map((entry) => entry.id), 'PL', 'xx']) expect(texts.party(party)).toBe(partyNamer(language, parties)(party));
    }
  });
});

const partyIds = ['FR', 'GB', 'DE', 'PL', 'EU'];
const capabilityIds = ['land.personnel', 'air.fighters', 'maritime.vessels', 'own.kind'];
const pledgeArbitrary = fc.record({
  party: fc.constantFrom(...partyIds),
  capability: fc.constantFrom(...capabilityIds),
  quantity: fc.option(fc.tuple(fc.nat(9000), fc.nat(9000)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })), { nil: null }),
  areas: fc.subarray(['ua', 'ua.rear', 'black_sea', 'any'], { minLength: 1 }),
  status: fc.constantFrom(...PLEDGE_STATUSES),
  condition: fc.constantFrom('true', 'ceasefire', 'ceasefire and us_backstop', 'active(FR, land.personnel)'),
  note: fc.option(fc.constantFrom('Merz said so', 'Élysée note', 'x'), { nil: undefined }),
  sources: fc.subarray(['s1', 's2', 's10']),
  state: fc.constantFrom<PledgeRowState>('certain', 'possible', 'inactive'),
});
const words = ['germany', 'deutschland', 'osterreich', 'fighter', 'bodentruppen', 'ceasefire', 'merz', 'elysee', 'sicher', 'possible', '1', 'ua', 'de-1', 's1', 'personnel black'];
const columns: PledgeColumnId[] = ['id', 'party', 'capability', 'quantity', 'status', 'condition', 'state'];

// The table's columns in one language, as the web's i18n words them.
function webColumns(language: PledgeListLanguage) {
  const t = (key: MessageKey): string => translate(language, key);
  return pledgeColumns({ party: partyNamer(language, parties), capability: (id) => capabilityName(language, id), quantity: (row) => formatQuantity(language, row.quantity, row.capability), status: (status) => statusName(t, status), state: (state) => t(`state.${state}`), area: (area) => areaName(t, area) });
}

describe('the server’s pledge list against the table’s own search and sort', () => {
  it('lists the same rows in the same order for random pledges, filters, searches and sorts', () => {
    const en = webColumns('en');
    const de = webColumns('de');
    const sources: TableColumn<PledgeRow> = { id: 'sources', text: (row) => row.sources.join('; ') };
    fc.assert(
      fc.property(
        fc.array(pledgeArbitrary, { maxLength: 30 }),
        fc.record({ party: fc.option(fc.constantFrom(...partyIds), { nil: undefined }), state: fc.option(fc.constantFrom<PledgeRowState>('certain', 'inactive'), { nil: undefined }), q: fc.option(fc.constantFrom(...words), { nil: undefined }) }),
        fc.option(fc.record({ column: fc.constantFrom(...columns, 'sources' as const), descending: fc.boolean() }), { nil: undefined }),
        fc.constantFrom<PledgeListLanguage>('en', 'de'),
        (drawn, filters, sort, language) => {
          const pledges: Pledge[] = drawn.map((entry, i) => ({ id: `${entry.party.toLowerCase()}-${i}`, party: entry.party, capability: entry.capability, quantity: entry.quantity, areas: entry.areas, status: entry.status, confidentiality: 'coalition', condition: entry.condition, sources: entry.sources, ...(entry.note ? { note: entry.note } : {}) }));
          const states = drawn.map((entry) => entry.state);
          const server = selectPledgeRows({ pledges, states, texts: { en: pledgeTexts('en', names), de: pledgeTexts('de', names) }, language, explanations: (positions) => positions.map(() => null) }, { ...filters, sort });
          // The reference: the table's rows in id order, filtered, searched over both languages' texts, sorted in the page's language.
          const rows: PledgeRow[] = pledges
            .map((pledge, i) => ({ id: pledge.id, party: pledge.party, capability: pledge.capability, quantity: pledge.quantity, status: pledge.status, condition: pledge.condition, state: states[i] as PledgeRowState, explanation: null, sources: pledge.sources, areas: pledge.areas, note: pledge.note }))
            .sort((a, b) => a.id.localeCompare(b.id));
          const filtered = rows.filter((row) => (!filters.party || row.party === filters.party) && (!filters.state || row.state === filters.state));
          const both: TableColumn<PledgeRow>[] = [...columns.map((id) => ({ id, text: (row: PledgeRow) => `${en[id].text(row)} \u0001 ${de[id].text(row)}` })), sources];
          const searched = searchRows(filtered, both, filters.q ?? '', (row) => `${row.note ?? ''} ${row.party}`);
          const shown = language === 'en' ? en : de;
          const expected = sortRows(searched, [...columns.map((id) => shown[id]), sources], sort ?? null, language === 'de' ? 'de-DE' : 'en-GB');
          expect(server.map((position) => pledges[position]?.id)).toEqual(expected.map((row) => row.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
