import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

class ExampleEnv {
  @IsString() NAME!: string;
  @IsIn(['a', 'b']) MODE = 'a';
  @Type(() => Number) @IsInt() @Min(1) WORKERS = 2;
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('loadConfig', () => {
  it('keeps the defaults of variables that are not set', () => {
    const config = loadConfig(ExampleEnv, { NAME: 'pagos' });
    expect({ MODE: config.MODE, WORKERS: config.WORKERS }).toEqual({ MODE: 'a', WORKERS: 2 });
  });

  it('returns an instance of the schema class', () => {
    expect(loadConfig(ExampleEnv, { NAME: 'pagos' })).toBeInstanceOf(ExampleEnv);
  });

  it('converts numeric variables to numbers', () => {
    expect(loadConfig(ExampleEnv, { NAME: 'pagos', WORKERS: '7' }).WORKERS).toBe(7);
  });

  it('treats an empty variable as not set, so the default applies', () => {
    expect(loadConfig(ExampleEnv, { NAME: 'pagos', MODE: '' }).MODE).toBe('a');
  });

  it('throws a ConfigError for a wrong value', () => {
    expect(() => loadConfig(ExampleEnv, { NAME: 'pagos', MODE: 'z' })).toThrow(ConfigError);
  });

  it('names the wrong variable and the value it got', () => {
    const error = errorOf(() => loadConfig(ExampleEnv, { NAME: 'pagos', WORKERS: 'many' }));
    expect(error.message).toMatch(/WORKERS: .*\(got "many"\)/);
  });

  it('says that a required variable is not set', () => {
    const error = errorOf(() => loadConfig(ExampleEnv, {}));
    expect(error.message).toMatch(/NAME: .*\(it is not set\)/);
  });

  it('names every wrong variable in one message', () => {
    const error = errorOf(() => loadConfig(ExampleEnv, { MODE: 'z', WORKERS: '0' }));
    expect([/NAME:/, /MODE:/, /WORKERS:/].filter((name) => !name.test(error.message))).toEqual([]);
  });
});
