// Kept for scripts that still start `src/cli/bin.ts`; the entry point is src/bin.ts.
await import('../bin.js');
