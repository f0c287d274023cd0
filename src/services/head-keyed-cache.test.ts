import { describe, expect, it } from 'vitest';
import { HeadKeyedCache } from './head-keyed-cache.js';

// The head-keyed cache is bounded by bytes (least recently used first), keeps nothing larger than its bound, and
// drops the entries of older heads as soon as a newer head is seen.

const sized = (bytes: number) => ({ bytes });

describe('HeadKeyedCache', () => {
  it('stays within its bytes, dropping the least recently used first', async () => {
    const cache = new HeadKeyedCache<{ bytes: number }>('test', 100, (value) => value.bytes);
    let computed = 0;
    const get = (question: string, bytes: number) => cache.get('1:a', question, async () => (computed++, sized(bytes)));
    await get('a', 40);
    await get('b', 40);
    await get('a', 40); // a is now the most recently used
    expect(computed).toBe(2);
    await get('c', 40); // 120 > 100: b goes
    expect(cache.stats()).toEqual({ name: 'test', entries: 2, bytes: 80, maxBytes: 100 });
    await get('a', 40);
    expect(computed).toBe(3);
    await get('b', 40);
    expect(computed).toBe(4);
    for (let i = 0; i < 50; i++) await get(`q${i}`, 1 + (i % 30));
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
  });

  it('does not keep a value larger than its bound', async () => {
    const cache = new HeadKeyedCache<{ bytes: number }>('test', 100, (value) => value.bytes);
    await cache.get('1:a', 'big', async () => sized(101));
    expect(cache.stats().entries).toBe(0);
  });

  it('drops older heads when a newer one is seen, and keeps no answer about an older head', async () => {
    const cache = new HeadKeyedCache<{ bytes: number }>('test', 1000, (value) => value.bytes);
    await cache.get('7:x', 'q', async () => sized(10));
    await cache.get('7:x', 'r', async () => sized(10));
    expect(cache.stats().entries).toBe(2);
    await cache.get('8:y', 'q', async () => sized(10));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 10 });
    let computed = 0;
    await cache.get('7:x', 'q', async () => (computed++, sized(10)));
    await cache.get('7:x', 'q', async () => (computed++, sized(10)));
    expect(computed).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 10 });
  });
});
