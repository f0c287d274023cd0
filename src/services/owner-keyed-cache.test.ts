import { describe, expect, it } from 'vitest';
import { OwnerKeyedCache } from './owner-keyed-cache.js';

// Values kept per owner object and question, within a bound of bytes, least recently used out first.

describe('a cache keyed by owner objects', () => {
  it('computes once per owner and question, and keeps owners apart', () => {
    const cache = new OwnerKeyedCache('test', 1000);
    const a = {};
    const b = {};
    let computed = 0;
    const value = (owner: object, question: string): string => cache.get(owner, question, () => `${++computed}`, () => 10);
    expect(value(a, 'x')).toBe('1');
    expect(value(a, 'x')).toBe('1');
    expect(value(b, 'x')).toBe('2');
    expect(value(a, 'y')).toBe('3');
    expect(cache.stats()).toEqual({ name: 'test', entries: 3, bytes: 30, maxBytes: 1000 });
  });

  it('stays within its bound, dropping the least recently used, and keeps nothing larger than the bound', () => {
    const cache = new OwnerKeyedCache('test', 100);
    const owner = {};
    cache.get(owner, 'a', () => 'a', () => 40);
    cache.get(owner, 'b', () => 'b', () => 40);
    cache.get(owner, 'a', () => 'a again', () => 40);
    cache.get(owner, 'c', () => 'c', () => 40);
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 80 });
    expect(cache.get(owner, 'a', () => 'a recomputed', () => 40)).toBe('a');
    expect(cache.get(owner, 'b', () => 'b recomputed', () => 40)).toBe('b recomputed');
    expect(cache.get(owner, 'huge', () => 'huge', () => 101)).toBe('huge');
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
  });

  it('keeps values without an owner until replaced', () => {
    const cache = new OwnerKeyedCache('test', 100);
    expect(cache.peek('latest')).toBeUndefined();
    cache.put('latest', 1, 10);
    cache.put('latest', 2, 20);
    expect(cache.peek('latest')).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 20 });
  });
});
