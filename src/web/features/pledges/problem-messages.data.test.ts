import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../../core/dataset/prepare-dataset.js';
import type { Dataset, Pledge } from '../../../core/types.js';
import type { Problem } from '../../lib/api-client.js';
import { smallDataset } from '../../test-support/small-dataset.js';
import { problemMessage } from './problem-messages.data.js';

// The problems come from the core's checks (the API passes their code, message and reference on as they are), so
// the server's wording these read stays tested.

describe('refusal problems in the UI’s language', () => {
  const draft: Pledge = { id: 'de-3', party: 'DE', capability: 'land.personnel', quantity: { min: 1, max: 1 }, areas: ['ua'], status: 'offered', confidentiality: 'public', condition: 'true', sources: ['s1'] };
  const problemsOf = (change: (dataset: Dataset) => Dataset) => {
    const prepared = prepareDataset(change(smallDataset()));
    if (prepared.ok) throw new Error('expected problems');
    return prepared.problems;
  };
  const withDraft = (pledge: Partial<Pledge>) => (dataset: Dataset): Dataset => ({ ...dataset, pledges: [...dataset.pledges, { ...draft, ...pledge }] });
  const only = (change: (dataset: Dataset) => Dataset) => {
    const [problem, ...rest] = problemsOf(change);
    expect(rest).toEqual([]);
    if (!problem) throw new Error('expected a problem');
    return problem;
  };
  const both = (problem: Problem) => [problemMessage('en', problem), problemMessage('de', problem)];

  it('names an unknown reference’s kind and id, with the server’s suggestion', () => {
    const party = only(withDraft({ party: 'XX' }));
    expect(party.reference).toEqual({ collection: 'parties', id: 'XX' });
    expect(both(party)).toEqual(["unknown party 'XX'", "Partei 'XX' ist unbekannt"]);
    expect(both(only(withDraft({ sources: ['s1', 's2'] })))).toEqual(["unknown source 's2'; did you mean 's1'?", "Quelle 's2' ist unbekannt; meinten Sie 's1'?"]);
    expect(both(only(withDraft({ capability: 'land.personel' })))).toEqual(["unknown capability 'land.personel'; did you mean 'land.personnel'?", "Fähigkeit 'land.personel' ist unbekannt; meinten Sie 'land.personnel'?"]);
    expect(both(only(withDraft({ supersedes: 'nowhere-9' })))).toEqual(["unknown pledge 'nowhere-9'", "Zusage 'nowhere-9' ist unbekannt"]);
    const pkg = only((dataset) => ({ ...dataset, requirements: dataset.requirements.map((requirement) => ({ ...requirement, package: 'day-afterr' })).slice(0, 1) }));
    expect(both(pkg)).toEqual(["unknown package 'day-afterr'; did you mean 'day-after'?", "Paket 'day-afterr' ist unbekannt; meinten Sie 'day-after'?"]);
  });

  it('says a duplicate id, a supersedes cycle and a trigger the condition does not require', () => {
    expect(both(only(withDraft({ id: 'fr-1' })))).toEqual(["the id 'fr-1' is already taken", "Die Kennung 'fr-1' ist schon vergeben"]);
    const cycle = only((dataset) => ({ ...dataset, pledges: dataset.pledges.map((pledge) => (pledge.id === 'fr-1' ? { ...pledge, supersedes: 'gb-1' } : pledge.id === 'gb-1' ? { ...pledge, supersedes: 'fr-1' } : pledge)) }));
    expect(both(cycle)).toEqual(['these pledges supersede each other in a circle: fr-1 → gb-1 → fr-1', 'Diese Zusagen ersetzen einander im Kreis: fr-1 → gb-1 → fr-1']);
    const hidden = { ...cycle, message: 'supersedes cycle: fr-1 → (a pledge you cannot see) → fr-1' };
    expect(problemMessage('de', hidden)).toBe('Diese Zusagen ersetzen einander im Kreis: fr-1 → (eine Zusage, die Sie nicht sehen dürfen) → fr-1');
    const trigger = only(withDraft({ condition: 'ceasefire or us_backstop', guarantee: { trigger: 'us_backstop', responses: ['unstated'], responseTime: 'not stated' } }));
    expect(both(trigger)).toEqual(["the condition must require the trigger 'us_backstop' (e.g. 'ceasefire and us_backstop')", "Die Bedingung muss den Auslöser 'us_backstop' voraussetzen (z. B. 'ceasefire and us_backstop')"]);
  });

  it('says condition problems as the condition messages do', () => {
    const condition = only(withDraft({ condition: 'ceasefire and us_backstp' }));
    expect(both(condition)).toEqual(["unknown fact 'us_backstp' at 15; did you mean 'us_backstop'?", "unbekannte Tatsache 'us_backstp' an Stelle 15; meinten Sie 'us_backstop'?"]);
  });

  it('keeps the server’s words after a lead-in for what it does not know', () => {
    const mismatch = { path: 'contributions[0]', code: 'dataset.unit_mismatch', message: 'cannot convert GBP to EUR on 2025-09-04: no rate' };
    expect(both(mismatch)).toEqual(['units or currencies do not match: cannot convert GBP to EUR on 2025-09-04: no rate', 'Einheiten oder Währungen passen nicht zusammen: cannot convert GBP to EUR on 2025-09-04: no rate']);
    expect(both({ path: 'quantity', message: 'Too small: expected number to be >=0' })).toEqual(['Too small: expected number to be >=0', 'Meldung des Servers (auf Englisch): Too small: expected number to be >=0']);
    // A code whose data is missing (the count of hidden referrers has no reference) is not guessed at.
    expect(both({ path: '(record)', code: 'dataset.unknown_reference', message: 'referenced by 2 records you cannot see' })).toEqual(['referenced by 2 records you cannot see', 'Meldung des Servers (auf Englisch): referenced by 2 records you cannot see']);
  });
});
