import type { Command } from 'commander';
import { z } from 'zod';
import { createServices } from '../../services/create-services.js';
import { formatTable } from '../output.js';
import type { CliIo } from '../io.js';
import { withStore } from '../open-configured-store.js';
import { parseOptions } from '../parse-options.js';

// `coalition user add|list|disable|enable|reset`: accounts on the configured store. Generated passwords and
// API tokens are printed once; only their hashes are stored. Changes are audit entries by actor `cli`.

const ACTOR = 'cli';

const addOptionsSchema = z.strictObject({ role: z.string(), party: z.string().optional(), token: z.boolean().optional(), passwordStdin: z.boolean().optional() });
const resetOptionsSchema = z.strictObject({ token: z.boolean().optional(), passwordStdin: z.boolean().optional() });

/** Read a password from standard input (first line). */
export type ReadPassword = () => Promise<string>;

/** Register the user command. */
export function registerUserCommand(program: Command, io: CliIo, readPassword: ReadPassword = readStdinLine): void {
  const user = program.command('user').description('manage user accounts (admin, coordinator, delegate, analyst)');
  user
    .command('add <name>')
    .description('add a user; prints a generated password (or reads one with --password-stdin)')
    .requiredOption('--role <role>', 'admin, coordinator, delegate or analyst')
    .option('--party <party>', 'the party a delegate speaks for (e.g. DE)')
    .option('--token', 'also print a new API token (shown once)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const options = parseOptions(addOptionsSchema, raw);
      const password = options.passwordStdin ? await readPassword() : undefined;
      await withStore(async (store) => {
        const services = createServices(store);
        const added = await services.accounts.add({ name, role: options.role, ...(options.party !== undefined ? { party: options.party } : {}), ...(password !== undefined ? { password } : {}) }, ACTOR);
        io.out(`Added ${added.user.role} ${added.user.name}${added.user.party ? ` (${added.user.party})` : ''}.\n`);
        if (added.password !== undefined) io.out(`Password (shown once): ${added.password}\n`);
        if (options.token) io.out(`API token (shown once): ${await services.accounts.issueToken(name)}\n`);
      });
    });
  user
    .command('list')
    .description('list users')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store) => {
        const users = await createServices(store).accounts.list();
        if (options.json) io.out(`${JSON.stringify(users, null, 2)}\n`);
        else io.out(`${formatTable(['name', 'role', 'party', 'status', 'last login'], users.map((u) => [u.name, u.role, u.party ?? '', u.disabled ? 'disabled' : 'active', u.lastLoginAt ?? 'never']))}\n`);
      });
    });
  user
    .command('disable <name>')
    .description('disable a user: no more logins, sessions and API tokens revoked')
    .action(async (name: string) => {
      await withStore(async (store) => {
        await createServices(store).accounts.disable(name, ACTOR);
        io.out(`Disabled ${name}; their sessions and API tokens are revoked.\n`);
      });
    });
  user
    .command('enable <name>')
    .description('enable a disabled user again')
    .action(async (name: string) => {
      await withStore(async (store) => {
        await createServices(store).accounts.enable(name, ACTOR);
        io.out(`Enabled ${name}.\n`);
      });
    });
  user
    .command('reset <name>')
    .description('a new password (printed, or --password-stdin) and, with --token, a new API token replacing the old ones')
    .option('--token', 'replace the API tokens with a new one (shown once) instead of changing the password')
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const options = parseOptions(resetOptionsSchema, raw);
      await withStore(async (store) => {
        const services = createServices(store);
        if (options.token) {
          io.out(`API token (shown once; older tokens revoked): ${await services.accounts.issueToken(name, { replace: true })}\n`);
          return;
        }
        const given = options.passwordStdin ? await readPassword() : undefined;
        const reset = await services.accounts.resetPassword(name, ACTOR, given);
        io.out(`Reset the password of ${name}; their sessions are ended.\n`);
        if (reset.password !== undefined) io.out(`Password (shown once): ${reset.password}\n`);
      });
    });
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
