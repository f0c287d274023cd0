import { sql } from 'drizzle-orm';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fieldNoteType } from '../../test/fixtures/record-types/field-note.record.js';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore } from '../../test/support/stores.js';
import { InputError } from '../contracts/input-error.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { Store } from '../db/open-store.js';
import { listAllRecords } from '../db/record.repository.js';
import { createServices, type Services } from '../services/create-services.js';
import { EXCHANGE_ENTITIES } from '../services/exchange/codecs.js';
import { formatExport, readExportTables } from '../services/exchange/export-records.js';
import { importExchangeFile } from '../services/exchange/import-exchange-file.js';
import { buildApp } from './app.js';

// Adding a record type is one declaration (test/fixtures/record-types/field-note.record.ts) and one line in the
// registry — done here by a mock of the registry. Nothing else is written for it, yet it is stored (on PGlite
// and PostgreSQL, its table created by the migration drizzle-kit generates from the declaration), exchanged
// (a CSV round trip, a bad cell named by row and column), served (the generic record routes) and documented
// (/openapi.json).

vi.mock('../contracts/record-types/record-types.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../contracts/record-types/record-types.js')>();
  const { fieldNoteType: throwaway } = await import('../../test/fixtures/record-types/field-note.record.js');
  return { ...original, RECORD_TYPES: [...original.RECORD_TYPES, throwaway], EXCHANGED_RECORD_TYPES: [...original.EXCHANGED_RECORD_TYPES, throwaway] };
});

const NOW = new Date('2026-02-01T10:00:00.000Z');

/** Create the throwaway type's table with the SQL drizzle-kit generates from the declaration (as a migration would). */
async function createTable(store: Store): Promise<void> {
  const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson({ fieldNotes: fieldNoteType.table }));
  for (const statement of statements) await store.db.execute(sql.raw(statement));
}

describeEachStore('a record type declared in a few lines', (suite) => {
  let services: Services;
  let app: FastifyInstance;
  let asCoordinator: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    await createTable(suite.store());
    services = createServices(suite.store(), () => NOW);
    app = await buildApp(services);
    asCoordinator = injectAs(app, await addTestUser(services, 'coordinator', 'coordinator'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('is served by the record routes and stored in its own table', async () => {
    const created = await asCoordinator({ method: 'POST', url: '/api/field-notes', payload: { id: 'note-1', party: 'FR', text: 'Depot visited', visitors: 3 } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'note-1', party: 'FR', text: 'Depot visited', visitors: 3, sources: [], version: 1 });
    await asCoordinator({ method: 'POST', url: '/api/field-notes', payload: { id: 'note-2', party: 'DE', text: 'Port visited' } });
    const listed = await asCoordinator({ method: 'GET', url: '/api/field-notes?party=DE' });
    expect(listed.json()).toMatchObject({ items: [{ id: 'note-2', party: 'DE', text: 'Port visited' }], total: 1 });
    const replaced = await asCoordinator({ method: 'PUT', url: '/api/field-notes/note-1', payload: { id: 'note-1', party: 'FR', text: 'Depot visited twice', version: 1 } });
    expect(replaced.json()).toMatchObject({ text: 'Depot visited twice', version: 2 });
    expect(replaced.json()).not.toHaveProperty('visitors');
    const bad = await asCoordinator({ method: 'POST', url: '/api/field-notes', payload: { id: 'note-3', party: 'FR', text: 'x', visitors: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('visitors');
    const rows = await suite.store().db.execute(sql`SELECT id, party, visitors FROM field_notes ORDER BY id`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([
      { id: 'note-1', party: 'FR', visitors: null },
      { id: 'note-2', party: 'DE', visitors: null },
    ]);
  });

  it('is documented in /openapi.json', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, { post?: { requestBody?: unknown } }> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/field-notes', '/api/field-notes/{id}', '/api/field-notes/{id}/history']));
    expect(JSON.stringify(document.paths['/api/field-notes']?.post?.requestBody)).toContain('"visitors"');
  });

  it('is exported and imported as CSV: the round trip gives the same records; a bad cell is named, nothing written', async () => {
    expect(EXCHANGE_ENTITIES).toContain('field-notes');
    const entity = entityByName('field-notes');
    if (!entity) throw new Error('the throwaway type is not registered');
    const [file] = await formatExport(await readExportTables(suite.store().db, ['field-notes']), 'csv', { now: NOW });
    expect(file?.name).toBe('field-notes.csv');
    const text = String(file?.content);
    expect(text.split('\n')[0]).toBe('id,party,text,visitors,sources');
    const target = await suite.fresh();
    await createTable(target);
    const targetServices = createServices(target, () => NOW);
    const bytes = new TextEncoder().encode(text);
    expect(await importExchangeFile(target, targetServices.cache, { name: 'field-notes.csv', bytes }, { now: () => NOW })).toMatchObject({ created: 2 });
    const records = async (store: Store) => (await listAllRecords(store.db, entity)).map((item) => item.record);
    expect(await records(target)).toEqual(await records(suite.store()));

    const broken = new TextEncoder().encode(`${text}note-9,FR,Bridge,many,\n`);
    const error = await importExchangeFile(target, targetServices.cache, { name: 'notes-field-notes.csv', bytes: broken }, { now: () => NOW }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error instanceof InputError ? error.problems : []).toEqual([
      { path: 'notes-field-notes.csv row 4, column visitors', message: "must be a whole number written with digits only (e.g. 7500, no separators), not 'many'" },
    ]);
    expect(await records(target)).toHaveLength(2);
  });
});
