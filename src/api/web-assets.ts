import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// Serves the built dashboard (dist/web, made by `npm run build:web`) at `/`. Client-side routes such as
// /pledges/fr-1 get index.html; /api, /public, /docs, /openapi.json and /health keep their own routes, and an unknown
// /api path still gets the JSON 404.

/** dist/web beside this file's package root: src/api and dist/api are both two levels below it. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coalition Ledger</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Coalition Ledger</h1>
<p>The web dashboard is not built in this installation: run <code>npm run build:web</code> (<code>npm ci</code> does it).</p>
<ul><li><a href="/docs">API documentation</a> (<a href="/openapi.json">OpenAPI</a>)</li><li><a href="/public/summary">Public summary</a> (no login)</li></ul>
</body></html>`;

// /public itself is the dashboard's page of the public summary; /public/summary and the rest are the API's.
const SERVER_PATHS = /^\/(?:(api|docs|openapi\.json|health)(\/|$|\?)|public\/)/;

/** Register the dashboard's files and the client-route fallback (or a page saying it is not built). */
export async function registerWebAssets(app: FastifyInstance, webRoot: string = DEFAULT_WEB_ROOT): Promise<void> {
  if (!existsSync(`${webRoot}/index.html`)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // Built file names carry a content hash: cache them for good; index.html must always be fresh.
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (SERVER_PATHS.test(request.url)) return reply.callNotFound();
    // Assets built after the server started (a rebuild) have no route of their own; a missing one is a 404, never index.html.
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/assets/')) {
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(decodeURIComponent(path.slice(1)));
    }
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
