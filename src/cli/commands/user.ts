import type { Command } from 'commander';
import { serviceAction } from '../command-shell.js';
import { z } from 'zod';
import { formatTable } from '../output.js';
import type { CliIo } from '../io.js';

// `coalition user add|list|disable|enable|reset`: accounts on the configured store. Generated passwords and
// API tokens are printed once; only their hashes are stored. Changes are audit entries by actor `cli`.

const ACTOR = 'cli';

const addOptionsSchema = z.strictObject({ role: z.string(), party: z.string().optional(), token: z.boolean().optional(), passwordStdin: z.boolean().optional() });
const resetOptionsSchema = z.strictObject({ token: z.boolean().optional(), passwordStdin: z.boolean().optional() });
const listOptionsSchema = z.strictObject({ json: z.boolean().optional() });
const noOptionsSchema = z.strictObject({});

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
    .action(
      serviceAction(io, addOptionsSchema, {
        prepare: async (options, [name = '']) => {
          const password = options.passwordStdin ? await readPassword() : undefined;
          return async ({ accounts }) => {
            const added = await accounts.add({ name, role: options.role, ...(options.party !== undefined ? { party: options.party } : {}), ...(password !== undefined ? { password } : {}) }, ACTOR);
            // Printed at once: the generated password is shown only here, even if issuing the token fails.
            io.out(`Added ${added.user.role} ${added.user.name}${added.user.party ? ` (${added.user.party})` : ''}.\n`);
            if (added.password !== undefined) io.out(`Password (shown once): ${added.password}\n`);
            return options.token ? `API token (shown once): ${await accounts.issueToken(name)}\n` : '';
          };
        },
        text: (token) => token,
      }),
    );
  user
    .command('list')
    .description('list users')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, listOptionsSchema, {
        prepare: () => (services) => services.accounts.list(),
        text: (users) => `${formatTable(['name', 'role', 'party', 'status', 'last login'], users.map((u) => [u.name, u.role, u.party ?? '', u.disabled ? 'disabled' : 'active', u.lastLoginAt ?? 'never']))}\n`,
      }),
    );
  const switches = [
    { verb: 'disable', description: 'disable a user: no more logins, sessions and API tokens revoked', done: 'Disabled NAME; their sessions and API tokens are revoked.' },
    { verb: 'enable', description: 'enable a disabled user again', done: 'Enabled NAME.' },
  ] as const;
  for (const { verb, description, done } of switches) {
    user
      .command(`${verb} <name>`)
      .description(description)
      .action(
        serviceAction(io, noOptionsSchema, {
          prepare:
            (_options, [name = '']) =>
            async ({ accounts }) => {
              await accounts[verb](name, ACTOR);
              return name;
            },
          text: (name) => `${done.replace('NAME', name)}\n`,
        }),
      );
  }
  user
    .command('reset <name>')
    .description('a new password (printed, or --password-stdin) and, with --token, a new API token replacing the old ones')
    .option('--token', 'replace the API tokens with a new one (shown once) instead of changing the password')
    .option('--password-stdin', 'read the new password from standard input')
    .action(
      serviceAction(io, resetOptionsSchema, {
        prepare: async (options, [name = '']) => {
          if (options.token) return async ({ accounts }) => `API token (shown once; older tokens revoked): ${await accounts.issueToken(name, { replace: true })}\n`;
          const given = options.passwordStdin ? await readPassword() : undefined;
          return async ({ accounts }) => {
            const reset = await accounts.resetPassword(name, ACTOR, given);
            return `Reset the password of ${name}; their sessions are ended.\n${reset.password !== undefined ? `Password (shown once): ${reset.password}\n` : ''}`;
          };
        },
        text: (message) => message,
      }),
    );
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
