import { describe, expect, it } from 'vitest';
import { FIELDS, figureOf, formFromRecord, recordFromForm } from './ingest-form.data.js';
import { articleProblemOf, canAccept, canCreateRecords, checkArticleText, decodeUpload, highlightPieces, MAX_CHARACTERS, problemField, recordHref, slimHtml } from './ingest.data.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const coordinator = { kind: 'signed-in', csrfToken: 'x', user: { name: 'c', role: 'coordinator', party: null } } as const;
const german = { kind: 'signed-in', csrfToken: 'x', user: { name: 'd', role: 'delegate', party: 'DE' } } as const;
const analyst = { kind: 'signed-in', csrfToken: 'x', user: { name: 'a', role: 'analyst', party: null } } as const;

describe('the article the user gives', () => {
  it('refuses empty, binary and too large text, and files that are not .txt or .html', () => {
    expect(checkArticleText('  \n ')).toBe('empty');
    expect(checkArticleText('a\u0000b')).toBe('binary');
    expect(checkArticleText('x'.repeat(MAX_CHARACTERS + 1))).toBe('tooLarge');
    expect(checkArticleText('Merz met Macron.')).toBeNull();
    expect(decodeUpload('a.pdf', bytes('text'))).toEqual({ ok: false, problem: 'fileType' });
    expect(decodeUpload('a.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toEqual({ ok: false, problem: 'binary' });
    expect(decodeUpload('a.txt', bytes('\uFEFFHallo Welt'))).toEqual({ ok: true, text: 'Hallo Welt' });
  });

  it('cuts a large HTML page down to the markup that bears text, keeping the date meta tags', () => {
    const page = `<html><head><meta property="article:published_time" content="2025-12-03"><script>${'x'.repeat(MAX_CHARACTERS)}</script></head><body><p class="a b" data-x="1">Merz traf Macron.</p></body></html>`;
    const result = decodeUpload('page.html', bytes(page));
    expect(result).toEqual({ ok: true, text: expect.stringContaining('<p>Merz traf Macron.</p>') });
    expect(slimHtml(page)).toContain('<meta property="article:published_time" content="2025-12-03">');
  });

  it("turns the API's refusals into the page's messages", () => {
    expect(articleProblemOf(400, 'input.invalid', [{ path: 'language', message: 'cannot tell' }])).toBe('language');
    expect(articleProblemOf(400, 'input.invalid', [{ path: 'text', message: 'the article is empty' }])).toBe('empty');
    expect(articleProblemOf(400, 'input.invalid', [{ path: 'text', message: 'the article is binary data, not text' }])).toBe('binary');
    expect(articleProblemOf(413, 'input.too_large', [])).toBe('tooLarge');
    expect(articleProblemOf(400, 'input.invalid', [{ path: 'url', message: 'must be a URL' }])).toBeNull();
    expect(problemField('items[0].record.format')).toEqual({ scope: 'record', field: 'format' });
    expect(problemField('items[2].record.donors.0.party')).toEqual({ scope: 'record', field: 'donors' });
    expect(problemField('source.publisher')).toEqual({ scope: 'source', field: 'publisher' });
  });
});

describe('the article with its quotes marked', () => {
  it('cuts the text at every quote, overlapping quotes marking the shared piece with both proposals', () => {
    const text = 'One two. Three four. Five.';
    const pieces = highlightPieces(text, [
      { index: 0, span: { start: 0, end: 8 } },
      { index: 1, span: { start: 9, end: 20 } },
      { index: 2, span: { start: 9, end: 14 } },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.filter((piece) => piece.proposals.length > 0).map((piece) => [piece.text, piece.proposals])).toEqual([
      ['One two.', [0]],
      ['Three', [1, 2]],
      [' four.', [1]],
    ]);
  });
});

describe('who accepts what', () => {
  const pledge = { entity: 'pledges', record: { party: 'DE' } };
  const contribution = { entity: 'contributions', record: { donors: [{ party: 'PL' }, { party: 'DE' }] } };
  const meeting = { entity: 'meetings', record: {} };
  it('follows the access rules: coordinators their records, delegates their party’s pledges and contributions', () => {
    expect([canAccept(coordinator, meeting), canAccept(coordinator, pledge)]).toEqual([true, false]);
    expect([canAccept(german, meeting), canAccept(german, pledge), canAccept(german, contribution)]).toEqual([false, true, true]);
    expect(canAccept(german, { entity: 'pledges', record: { party: 'FR' } })).toBe(false);
    expect(canAccept(analyst, pledge)).toBe(false);
    expect([canCreateRecords(coordinator), canCreateRecords(german), canCreateRecords(analyst), canCreateRecords({ kind: 'open' })]).toEqual([true, true, false, true]);
    expect(recordHref('pledges', 'ab-1')).toBe('/pledges/ab-1');
  });
});

describe('the edit form', () => {
  it('shows amounts in major units and gives minor units back, naming each wrong field', () => {
    const draft = { id: 'x-1', donors: [{ party: 'PL' }], amount: 50_000_000_000, currency: 'USD', date: '2025-12-03', status: 'pledged', confidentiality: 'public' };
    const form = formFromRecord('contributions', draft);
    expect(form).toMatchObject({ donors: ['PL'], amount: '500000000', currency: 'USD', fund: '' });
    const ok = recordFromForm('contributions', draft, { ...form, amount: '1,5', fund: 'purl-2025', donors: ['PL', 'NO'] });
    expect(ok.problems).toEqual({});
    expect(ok.record).toMatchObject({ amount: 150, fund: 'purl-2025', donors: [{ party: 'PL' }, { party: 'NO' }], confidentiality: 'public' });
    const bad = recordFromForm('contributions', draft, { ...form, amount: '-3', currency: 'euro', donors: [], date: '3.12.2025' });
    expect(bad.problems).toEqual({ amount: 'ingest.field.positive', currency: 'ingest.field.currencyCode', donors: 'ingest.field.partiesRequired', date: 'ingest.field.dateFormat', fund: 'ingest.field.required' });
  });

  it('keeps a pledge without a number as null and refuses a fraction of persons', () => {
    const draft = { id: 'p-1', party: 'DE', capability: 'land.personnel', quantity: 1000, status: 'announced', condition: 'ceasefire' };
    expect(recordFromForm('pledges', draft, { ...formFromRecord('pledges', draft), quantity: '' }).record.quantity).toBeNull();
    expect(recordFromForm('pledges', draft, { ...formFromRecord('pledges', draft), quantity: '2.5' }).problems).toEqual({ quantity: 'ingest.field.wholeNumber' });
    expect(recordFromForm('facts', { id: 'ceasefire', value: 'unknown' }, { value: 'true' }).record).toEqual({ id: 'ceasefire', value: true });
  });

  it('writes out large amounts and quantities typed into the form', () => {
    const quantity = FIELDS.requirements?.find((spec) => spec.name === 'quantity');
    const amount = FIELDS.contributions?.find((spec) => spec.name === 'amount');
    if (!quantity || !amount) throw new Error('fields missing');
    expect(figureOf('requirements', quantity, { capability: 'finance.grant', quantity: '100000000000' })).toEqual({ money: 10_000_000_000_000, currency: 'EUR' });
    expect(figureOf('requirements', quantity, { capability: 'land.personnel', quantity: '25000' })).toEqual({ count: 25_000 });
    expect(figureOf('requirements', quantity, { capability: 'land.personnel', quantity: '12' })).toBeNull();
    expect(figureOf('contributions', amount, { amount: '500000000', currency: 'USD' })).toEqual({ money: 50_000_000_000, currency: 'USD' });
    expect(figureOf('contributions', amount, { amount: 'abc', currency: 'USD' })).toBeNull();
  });
});
