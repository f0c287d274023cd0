import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Builds the dashboard into dist/web (what `coalition serve` serves), so browser tests and the web benchmark
// always run the current source rather than whatever was built last.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `vite build` of src/web; rejects with Vite's output when it fails. */
export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}
