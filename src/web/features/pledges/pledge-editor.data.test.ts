import { describe, expect, it } from 'vitest';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { wordsFor } from '../../i18n/explanations.data.js';
import { buildVocabulary, checkConditionLive, formFromPledge, pledgeFromForm, previewDraft, toRecordBody } from './pledge-editor.data.js';

const dataset = preparedSmallDataset();
const de1 = dataset.pledges.find((pledge) => pledge.id === 'de-1')!;

describe('pledge editor', () => {
  it('checks the condition as typed, with the column of the problem', () => {
    const vocabulary = buildVocabulary(dataset);
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

  it('previews the coverage effect of a draft before saving', () => {
    const facts = new Map([['ceasefire', true]] as const);
    // Dropping the US backstop from DE's condition makes its 1,000 certain.
    const preview = previewDraft(dataset, { ...de1, condition: 'ceasefire' }, { facts, words: wordsFor('en') });
    expect(preview?.state).toBe('certain');
    expect(preview?.changes).toEqual([{ requirement: 'req-land', before: { min: 5000, max: 9000 }, after: { min: 6000, max: 9000 } }]);
    expect(previewDraft(dataset, { ...de1, condition: 'ceasefire and' }, { facts, words: wordsFor('en') })).toBeNull();
    const unchanged = previewDraft(dataset, de1, { facts, words: wordsFor('en') });
    expect(unchanged?.changes).toEqual([]);
  });
});
