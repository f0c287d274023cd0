import { describe, expect, it } from 'vitest';
import { carryGlobals, formatFacts, parseAsOf, parseCurrency, parseFacts, updateQuery } from './url-state.data.js';

describe('the view state in the URL', () => {
  it('reads and writes fact switches, ignoring malformed pairs', () => {
    const facts = parseFacts('us_backstop:unknown,ceasefire:true,mandate.DE:false,broken,x:maybe');
    expect([...facts]).toEqual([['us_backstop', 'unknown'], ['ceasefire', true], ['mandate.DE', false]]);
    expect(formatFacts(facts)).toBe('ceasefire:true,mandate.DE:false,us_backstop:unknown');
    expect(formatFacts(new Map())).toBeUndefined();
    expect(parseFacts(null).size).toBe(0);
  });

  it('accepts only real dates as the as-of date', () => {
    expect(parseAsOf('2025-09-01')).toBe('2025-09-01');
    expect(parseAsOf('2025-13-45')).toBeUndefined();
    expect(parseAsOf('yesterday')).toBeUndefined();
    expect(parseAsOf(null)).toBeUndefined();
  });

  it('shows money in EUR unless the URL asks for USD, and carries the currency to another page', () => {
    expect([parseCurrency(null), parseCurrency('USD'), parseCurrency('GBP'), parseCurrency('usd')]).toEqual(['EUR', 'USD', 'EUR', 'EUR']);
    expect(carryGlobals('/purl', new URLSearchParams('currency=USD&party=DE'))).toBe('/purl?currency=USD');
  });

  it('carries the scenario, date and language to another page but not the page’s own filters', () => {
    const current = new URLSearchParams('facts=ceasefire:true&asOf=2025-09-01&lang=de&pledges.sort=party');
    expect(carryGlobals('/parties/DE', current)).toBe('/parties/DE?asOf=2025-09-01&lang=de&facts=ceasefire%3Atrue');
    expect(carryGlobals('/sources?ids=a#a', current)).toBe('/sources?ids=a&asOf=2025-09-01&lang=de&facts=ceasefire%3Atrue#a');
    expect(carryGlobals('/?lang=en', current)).toBe('/?lang=en&asOf=2025-09-01&facts=ceasefire%3Atrue');
    expect(carryGlobals('/map', new URLSearchParams())).toBe('/map');
  });

  it('updates and removes parameters', () => {
    const next = updateQuery(new URLSearchParams('a=1&b=2'), { a: undefined, b: '3', c: 'x', d: '' });
    expect(next.toString()).toBe('b=3&c=x');
  });
});
