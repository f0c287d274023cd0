import { describe, expect, it } from 'vitest';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { buildVocabulary, checkConditionLive, formFromPledge, PREVIEW_ID, pledgeFromForm, previewPledge, shouldPreview, toRecordBody } from './pledge-editor.data.js';

const dataset = preparedSmallDataset();
const de1 = dataset.pledges.find((pledge) => pledge.id === 'de-1')!;
// What the editor loads: the reference data without any pledge.
const reference = { parties: dataset.parties, facts: dataset.facts, requirements: dataset.requirements, packages: dataset.packages, capabilities: [{ id: 'space.satellites' }] };

describe('pledge editor', () => {
  it('checks the condition as typed, with the column of the problem', () => {
    const vocabulary = buildVocabulary(reference);
    expect(checkConditionLive('ceasefire and us_backstop', vocabulary)).toEqual({ ok: true });
    const typo = checkConditionLive('ceasefire and us_backstp', vocabulary);
    expect(typo.ok).toBe(false);
    if (!typo.ok) {
      expect(typo.issues[0]?.column).toBe(15);
      expect(typo.issues[0]?.message).toContain("did you mean 'us_backstop'");
    }
    const syntax = checkConditionLive('ceasefire and (', vocabulary);
    expect(syntax.ok === false && syntax.issues[0]?.column).toBe(16);
    const negated = checkConditionLive('not active(FR)', vocabulary);
    expect(negated.ok).toBe(false);
  });

  it('round-trips a pledge through the form and keeps fields the form does not show', () => {
    const form = formFromPledge(de1);
    expect(pledgeFromForm(form, de1)).toEqual(de1);
    const edited = pledgeFromForm({ ...form, min: '1500', max: '', areas: 'ua.rear, ua' }, { ...de1, note: 'kept' });
    expect(edited).toMatchObject({ quantity: { min: 1500, max: 1500 }, areas: ['ua.rear', 'ua'], note: 'kept' });
    expect(pledgeFromForm({ ...form, min: '', max: '' }, de1).quantity).toBeNull();
    expect(toRecordBody({ ...de1, version: 3, createdAt: 'x', updatedAt: 'y' })).toEqual(de1);
  });

  it('knows the areas the server lists and the capability records, without loading a pledge', () => {
    const condition = 'total(land.personnel, area=ua.rear.west) >= 1 and active(FR, space.satellites)';
    expect(checkConditionLive(condition, buildVocabulary(reference)).ok).toBe(false);
    expect(checkConditionLive(condition, buildVocabulary(reference, ['ua.rear.west']))).toEqual({ ok: true });
    // A requirement's area is known without the server.
    expect(checkConditionLive('total(air.fighters, area=ua.airspace) >= 2', buildVocabulary(reference))).toEqual({ ok: true });
  });

  it('previews a new pledge under a stand-in id, and asks for a preview when the condition parses or the draft is the stored pledge', () => {
    expect(previewPledge({ ...de1, id: '' }).id).toBe(PREVIEW_ID);
    expect(previewPledge(de1)).toBe(de1);
    const initial = pledgeFromForm(formFromPledge(de1), de1);
    expect(shouldPreview({ ok: true }, { ...de1, condition: 'true' }, initial)).toBe(true);
    const broken = { ok: false as const, issues: [{ column: 1, message: 'unknown area' }] };
    expect(shouldPreview(broken, initial, initial)).toBe(true);
    expect(shouldPreview(broken, { ...de1, condition: 'ceasefire and' }, initial)).toBe(false);
  });
});
