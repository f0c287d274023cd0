import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults: the embedded store in ./.coalition on 127.0.0.1:3000', () => {
    expect(loadConfig({})).toEqual({ dataDirectory: './.coalition', databaseUrl: undefined, port: 3000, host: '127.0.0.1', logLevel: 'info' });
  });

  it('reads an empty variable as unset, not as port 0 or an empty path', () => {
    const config = loadConfig({ PORT: '', COALITION_DATA: '', HOST: '', DATABASE_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.dataDirectory).toBe('./.coalition');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('keeps an explicit port 0 (any free port)', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('lists every invalid variable by name', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres/);
      expect(message).toMatch(/LOG_LEVEL:/);
    }
  });
});
