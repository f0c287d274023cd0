import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../contracts/records.schema.js';
import type { Pledge, Requirement } from '../../core/types.js';
import { parseCell } from './cells.js';
import { codecOf, EXCHANGE_ENTITIES } from './codecs.js';
import type { StoredRecord } from '../../db/entities/entity-definition.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import { pledgeEntity, requirementEntity } from '../../db/entities/dataset-entities.js';
import { type CodecSpec, codecFor } from './columns.js';
import { decodeRow } from './decode-row.js';
import { decodeTables } from './import-exchange-file.js';
import { readCsv, readJson } from './read-tables.js';

// The codecs alone: record → row → record is the identity, and bad cells are reported at their columns.

const pledgeCodec = codecFor(pledgeEntity);
const requirementCodec = codecFor(requirementEntity);
const contributionCodec = codecFor(contributionEntity);

const pledge: Pledge = {
  id: 'p-1',
  party: 'PL',
  capability: 'logistics.hub',
  quantity: { min: 1, max: 3 },
  areas: ['outside_ua', 'ua.rear'],
  window: { from: '2026-02-01' },
  status: 'offered',
  supersedes: 'p-0',
  announcedOn: '2026-01-06',
  confidentiality: 'bilateral',
  sharedWith: ['UA', 'FR'],
  condition: 'ceasefire and not violation',
  sources: ['s-1', 's-2'],
  note: 'a, "b"\nc',
};

const requirement: Requirement = { id: 'r-1', capability: 'air.isr', quantity: null, estimate: false, priority: 2, area: 'any', sources: [] };

const contribution: Contribution = {
  id: 'c-1',
  fund: 'purl',
  donors: [{ party: 'PL', share: 0.5 }, { party: 'NO', share: 0.25 }, { party: 'DE', share: 0.25 }],
  amount: 50_000_000_000,
  currency: 'EUR',
  date: '2025-08-13',
  status: 'paid',
  confidentiality: 'public',
  sources: ['s-1'],
};

function expectRoundTrip<R extends StoredRecord>(codec: CodecSpec<R>, record: R): void {
  const row = codec.toRow(record);
  expect(Object.keys(row)).toEqual(codec.columns.map((column) => column.name));
  const asText = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]));
  for (const cells of [row, asText]) expect(decodeRow(codec, cells)).toEqual({ ok: true, record });
}

describe('exchange codecs', () => {
  it('round-trips each entity through its row, also through CSV text', () => {
    expectRoundTrip(pledgeCodec, pledge);
    expectRoundTrip(requirementCodec, requirement);
    expectRoundTrip(contributionCodec, contribution);
  });

  it('writes donors as PARTY:SHARE and reads them without shares too', () => {
    expect(contributionCodec.toRow(contribution).donors).toBe('PL:0.5;NO:0.25;DE:0.25');
    const decoded = decodeRow(contributionCodec, { ...contributionCodec.toRow(contribution), donors: 'PL; NO ;DE' });
    expect(decoded.ok && decoded.record.donors).toEqual([{ party: 'PL' }, { party: 'NO' }, { party: 'DE' }]);
    // A part its donor has not confirmed keeps that state through a file: a trailing `?`.
    const pending = { ...contribution, donors: [{ party: 'PL', share: 0.5, confirmed: true }, { party: 'NO', share: 0.5, confirmed: false }] };
    expect(contributionCodec.toRow(pending).donors).toBe('PL:0.5;NO:0.5?');
    const back = decodeRow(contributionCodec, { ...contributionCodec.toRow(pending), donors: 'PL:0.5;NO:0.5 ?;DE?' });
    expect(back.ok && back.record.donors).toEqual([{ party: 'PL', share: 0.5 }, { party: 'NO', share: 0.5, confirmed: false }, { party: 'DE', confirmed: false }]);
  });

  it('parses numbers strictly', () => {
    expect(parseCell('integer', '1,000')).toMatchObject({ ok: false, message: expect.stringContaining("not '1,000'") });
    expect(parseCell('integer', '1e3')).toMatchObject({ ok: false });
    expect(parseCell('integer', '1.5')).toMatchObject({ ok: false });
    expect(parseCell('integer', ' 1500 ')).toEqual({ ok: true, value: 1500 });
    expect(parseCell('integer', 2.5)).toMatchObject({ ok: false });
    expect(parseCell('integer', '9007199254740993')).toMatchObject({ ok: false });
    expect(parseCell('boolean', 'yes')).toMatchObject({ ok: false, message: "must be true or false, not 'yes'" });
    expect(parseCell('boolean', 'TRUE')).toEqual({ ok: true, value: true });
    expect(parseCell('list', 'a;;b')).toMatchObject({ ok: false, message: expect.stringContaining('item 2 is empty') });
    expect(parseCell('donors', 'PL:half')).toMatchObject({ ok: false, message: expect.stringContaining("not 'half'") });
    expect(parseCell('text', '')).toEqual({ ok: true, value: undefined });
  });

  it('reports every bad cell at its column, and empty cells take the defaults', () => {
    const decoded = decodeRow(pledgeCodec, {
      id: 'p-2',
      party: '',
      capability: 'Land',
      quantity_min: '5',
      quantity_max: '',
      areas: 'ua.rear;UA FRONT',
      window_from: '2026-05-01',
      window_to: '2026-01-01',
      status: 'maybe',
    });
    expect(decoded.ok).toBe(false);
    const problems = decoded.ok ? [] : decoded.problems;
    expect(problems.map((problem) => problem.column)).toEqual(['party', 'capability', 'quantity_max', 'areas', 'window_from', 'status']);
    expect(problems[0]?.message).toBe('must not be empty');
    expect(problems[3]?.message).toMatch(/^item 2: must be a dotted area/);
    const minimal = decodeRow(pledgeCodec, { id: 'p-3', party: 'FR', capability: 'land.personnel' });
    expect(minimal).toEqual({
      ok: true,
      record: { id: 'p-3', party: 'FR', capability: 'land.personnel', quantity: null, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [] },
    });
  });

  it('reports donors whose shares do not add up at the donors column', () => {
    const decoded = decodeRow(contributionCodec, { ...contributionCodec.toRow(contribution), donors: 'PL:0.5;NO:0.6', amount: '12.50' });
    expect(decoded.ok ? [] : decoded.problems).toEqual([
      { column: 'donors', message: 'shares must sum to 100 %' },
      { column: 'amount', message: "must be a whole number written with digits only (e.g. 7500, no separators), not '12.50'" },
    ]);
  });
});

describe('docs/data-exchange.md', () => {
  const docs = readFileSync(new URL('../../../docs/data-exchange.md', import.meta.url), 'utf8');

  it('lists every column of every entity, in order', () => {
    for (const codec of EXCHANGE_ENTITIES.map(codecOf)) {
      const section = docs.split(`### ${codec.entity.name}\n`)[1]?.split('\n### ')[0] ?? '';
      const listed = [...section.matchAll(/^\| \**`([a-z_]+)`\** \| (\w+) \|/gm)].map((match) => `${match[1]}:${match[2]}`);
      expect(listed).toEqual(codec.columns.map((column) => `${column.name}:${column.kind}`));
    }
  });

  it('has examples that read without problems', () => {
    const csv = /```csv\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
    const read = readCsv('pledges.csv', 'pledges', new TextEncoder().encode(csv));
    expect(read.problems).toEqual([]);
    expect(decodeTables(read.tables).problems).toEqual([]);
    const json = /```json\n(\{\n {2}"pledges"[\s\S]*?)```/.exec(docs)?.[1] ?? '';
    const fromJson = readJson('example.json', new TextEncoder().encode(json));
    expect(fromJson.problems).toEqual([]);
    expect(decodeTables(fromJson.tables)).toMatchObject({ problems: [] });
    expect(fromJson.tables.map((table) => table.rows.length)).toEqual([1, 1]);
  });
});
