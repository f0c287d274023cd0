import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates SQL migrations offline from the schema: `npm run db:generate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
