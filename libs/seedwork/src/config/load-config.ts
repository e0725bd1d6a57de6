import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigError } from './config-error.js';

/**
 * Reads environment variables into a class-validator schema (with defaults given as property
 * initialisers) and fails with a message naming every wrong variable.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(schema, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = env[e.property];
      const got = shown === undefined || shown === '' ? 'it is not set' : `got "${shown}"`;
      return `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (${got})`;
    });
    throw new ConfigError(`invalid configuration: ${lines.join(' | ')}`);
  }
  return config;
}
