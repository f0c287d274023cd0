import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, TEST_PASSWORD } from '../../test/support/auth.js';
import { describeEachStore } from '../../test/support/stores.js';
import { createServices, type Services } from '../services/create-services.js';
import { loadDemo } from '../services/load-demo.js';
import { buildApp } from './app.js';

// A typed client generated from the served /openapi.json (openapi-typescript) and used through openapi-fetch alone
// (test/typed-client/use-client.ts): the generated types and the client code must compile under the project's
// strict settings, and the client must log in, list, read, update (GET → PUT), meet a 409 on a stale update and
// evaluate a scenario against a listening server. Generated at test time (into test-output/), so the test follows
// every change of a route's schema without a generated file to keep current.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT_SOURCE = join(ROOT, 'test/typed-client/use-client.ts');

describeEachStore('a typed client generated from /openapi.json', (suite) => {
  let services: Services;
  let app: FastifyInstance;
  let baseUrl: string;
  let directory: string;

  beforeAll(async () => {
    services = createServices(suite.store(), () => new Date('2026-01-10T12:00:00Z'));
    await loadDemo(suite.store(), services.cache, services.now);
    await addTestUser(services, 'client-delegate-it', 'delegate', 'IT');
    app = await buildApp(services);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    directory = await mkdtemp(join(ROOT, 'test-output', `typed-client-${suite.kind}-`));
  });
  afterAll(async () => {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('generates types that compile with the client code, and the client logs in, lists, reads, updates, meets a 409 and evaluates', async () => {
    const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as Parameters<typeof openapiTS>[0];
    await writeFile(join(directory, 'api-types.ts'), astToString(await openapiTS(document, { silent: true })));
    await copyFile(CLIENT_SOURCE, join(directory, 'use-client.ts'));

    const program = ts.createProgram([join(directory, 'use-client.ts')], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);

    // The client module is compiled above; its import is typed here by what the test reads of it.
    const { runClient } = (await import(join(directory, 'use-client.ts'))) as { runClient(baseUrl: string, login: { name: string; password: string }, pledgeId: string): Promise<unknown> };
    const run = await runClient(baseUrl, { name: 'client-delegate-it', password: TEST_PASSWORD }, 'it-1');
    expect(run).toMatchObject({
      user: { name: 'client-delegate-it', role: 'delegate' },
      listed: { ids: expect.arrayContaining(['it-1']) },
      read: { id: 'it-1', version: 1 },
      updated: { status: 200, version: 2, note: 'edited through the generated client' },
      stale: { status: 409, error: 'conflict', currentVersion: 2 },
      readOnlyChanged: { status: 400, paths: ['body.createdAt'] },
      scenario: { status: 200, states: { 'it-1': expect.stringMatching(/^(certain|possible|inactive)$/) }, coverageRows: expect.any(Number) },
    });
  });
});
