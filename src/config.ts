import { z } from 'zod';

// The one place that reads the environment (DESIGN.md §11). Parsed once; every problem listed at start.

const configSchema = z.object({
  COALITION_DATA: z.string().min(1).default('./.coalition'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  dataDirectory: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: z.output<typeof configSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

/** Parse configuration from an environment (process.env by default); throws listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`PORT=` in an env file) means unset, as in most tools, not the number 0 or an empty path.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  return {
    dataDirectory: values.COALITION_DATA,
    databaseUrl: values.DATABASE_URL,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
  };
}
