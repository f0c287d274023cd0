import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProvenance, type FigureRecord } from '../../core/provenance/check-provenance.js';
import { demoDataDirectory, loadDatasetDirectory } from '../load-dataset.js';
import { collectFigures, type DatasetRecords, readDatasetRecords } from './collect-figures.js';

// The whole demo dataset against "nothing invented" (issue 22): every figure of every record is stated by a
// passage of a source the record cites, in some written form, or derived (`derived: [{field, from, how}]`);
// every cited id resolves; every URL in data/demo is one of FACTS.md (bundled in data/reference/facts/).

const DEMO = demoDataDirectory();
const FACTS = fileURLToPath(new URL('../../../data/reference/facts/FACTS.md', import.meta.url));

describe('the demo dataset’s provenance', () => {
  let records: DatasetRecords;
  let figures: FigureRecord[];
  let passages: Map<string, string | undefined>;
  let known: Set<string>;

  beforeAll(async () => {
    records = await readDatasetRecords(DEMO);
    const prepared = await loadDatasetDirectory(DEMO);
    figures = collectFigures(records, prepared.conditions);
    passages = new Map(records.sources.map((source) => [source.id, source.quote]));
    known = new Set([...records.sources.map((source) => source.id), ...figures.map((record) => record.id)]);
  });

  it('walks every record that states a figure: pledges, requirements, contributions, prices, options, weights, counts', () => {
    const counted = new Map<string, number>();
    for (const record of figures) counted.set(record.collection, (counted.get(record.collection) ?? 0) + record.figures.length);
    for (const collection of ['pledges', 'requirements', 'contributions', 'fund-packages', 'funds', 'financing-plans', 'sanctions-measures', 'sanctions-packages', 'purl-reported-totals']) {
      expect(counted.get(collection) ?? 0, collection).toBeGreaterThan(0);
    }
    expect(figures.filter((record) => record.collection.endsWith('/options')).flatMap((record) => record.figures).length).toBeGreaterThan(23);
  });

  it('every figure is stated by a cited source’s passage or derived, listing record and field otherwise', () => {
    const problems = checkProvenance(figures, passages, known);
    expect(problems.map((problem) => `${problem.collection}/${problem.id} ${problem.field}: ${problem.message}`)).toEqual([]);
  });

  it('every derived figure names its sources or records and says how', () => {
    const derived = figures.flatMap((record) => (record.derived ?? []).map((entry) => ({ record: record.id, ...entry })));
    expect(derived.length).toBeGreaterThan(0);
    for (const entry of derived) {
      expect(entry.from.every((id) => known.has(id)), `${entry.record} ${entry.field}`).toBe(true);
      expect(entry.how.length, `${entry.record} ${entry.field}`).toBeGreaterThan(10);
    }
  });

  it('every source id resolves and every source is cited by some record', () => {
    const ids = records.sources.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = new Set([
      ...figures.flatMap((record) => [...record.sources, ...(record.derived ?? []).flatMap((entry) => entry.from)]),
      ...records.dataset.facts.flatMap((fact) => fact.sources),
    ]);
    expect([...cited].filter((id) => !passages.has(id) && !known.has(id))).toEqual([]);
    expect(ids.filter((id) => !cited.has(id))).toEqual([]);
  });

  it('every URL in data/demo appears in FACTS.md; sources without a URL are the seed articles and those FACTS.md names without one', async () => {
    const facts = await readFile(FACTS, 'utf8');
    const files = (await readdir(DEMO)).filter((name) => name.endsWith('.json'));
    const urls = new Set<string>();
    for (const name of files) for (const match of (await readFile(join(DEMO, name), 'utf8')).matchAll(/https?:\/\/[^\s"]+/g)) urls.add(match[0]);
    expect(urls.size).toBeGreaterThan(80);
    expect([...urls].filter((url) => !facts.includes(url))).toEqual([]);
    // Without a URL: a seed article (cited by publisher and date), or a publisher FACTS.md names without a URL.
    for (const source of records.sources.filter((item) => item.url === undefined)) {
      expect(source.quote, source.id).toBeDefined();
      const outlet = source.publisher.split(/[;(,]/)[0]?.trim().toLowerCase() ?? '';
      expect(/seed article/i.test(source.publisher) || facts.toLowerCase().includes(outlet), `${source.id}: ${source.publisher}`).toBe(true);
    }
  });
});
