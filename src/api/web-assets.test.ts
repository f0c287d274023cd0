import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from './error-handler.js';
import { registerWebAssets } from './web-assets.js';

// The dashboard's files at /, client routes answered with index.html, and the server's own paths untouched.

describe('serving the built dashboard', () => {
  let directory: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-web-assets-'));
    await mkdir(join(directory, 'assets'));
    await writeFile(join(directory, 'index.html'), '<!doctype html><title>Coalition Ledger</title><div id="root"></div>');
    await writeFile(join(directory, 'assets', 'index-abc123.js'), 'console.log(1);');
    app = Fastify();
    installErrorHandling(app);
    app.get('/api/thing', async () => ({ ok: true }));
    await registerWebAssets(app, directory);
  });
  afterAll(async () => {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes, never cached', async () => {
    for (const url of ['/', '/pledges/fr-1', '/parties/DE?x=1', '/map', '/public', '/public?lang=de']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('serves assets built after the start, and answers a missing asset with 404, not index.html', async () => {
    await writeFile(join(directory, 'assets', 'later-def456.js'), 'console.log(2);');
    const later = await app.inject({ url: '/assets/later-def456.js' });
    expect(later.statusCode).toBe(200);
    expect(later.headers['content-type']).toMatch(/javascript/);
    const missing = await app.inject({ url: '/assets/missing-000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/html/);
    expect((await app.inject({ url: '/assets/../index.html' })).statusCode).not.toBe(500);
  });

  it('leaves the API alone: its routes answer, unknown API paths get the JSON 404', async () => {
    expect((await app.inject({ url: '/api/thing' })).json()).toEqual({ ok: true });
    for (const url of ['/api/nothing', '/api/pledges/x/y/z', '/health', '/public/nothing']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: 'not_found' });
    }
  });

  it('says how to build the dashboard when it is not built', async () => {
    const bare = Fastify();
    await registerWebAssets(bare, join(directory, 'missing'));
    const response = await bare.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
    await bare.close();
  });
});
