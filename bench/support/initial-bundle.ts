import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The JavaScript a first visit loads: the entry script of dist/web/index.html and the chunks it preloads
// (the lazily loaded pages and ECharts are not part of it).

/** Files and gzip size in bytes of the initial JavaScript of a built dashboard. */
export async function measureInitialJs(webRoot: string): Promise<{ files: string[]; gzipBytes: number; rawBytes: number }> {
  const html = await readFile(join(webRoot, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((match) => match[1] as string);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = await readFile(join(webRoot, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}
