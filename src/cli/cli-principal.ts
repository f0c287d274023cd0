import type { SystemPrincipal } from '../core/access/principal.js';

// Whoever can run the CLI on the store can open its files: the CLI reads as the system, which sees everything.
export const CLI_PRINCIPAL: SystemPrincipal = { name: 'cli' };
