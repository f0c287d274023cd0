// The whole Drizzle schema: the record tables (derived from the record type declarations), then one table a file.
export * from './record-tables.js';
export * from './audit-log.js';
export * from './exchange-rates.js';
export * from './users.js';
export * from './access-denials.js';
export * from './api-tokens.js';
export * from './pledge-approvals.js';
export * from './sessions.js';
export * from './public-releases.js';
export * from './login-attempts.js';
export * from './ingest-proposals.js';
export * from './incident-verifications.js';
