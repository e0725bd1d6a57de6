import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '#seedwork';
import { GdsEnv } from './config.js';

describe('GdsEnv', () => {
  it('defaults GDS_CUPOS_POR_DEFECTO to 100', () => {
    expect(loadConfig(GdsEnv, {}).GDS_CUPOS_POR_DEFECTO).toBe(100);
  });

  it('reads GDS_CUPOS_POR_DEFECTO as a number', () => {
    expect(loadConfig(GdsEnv, { GDS_CUPOS_POR_DEFECTO: '3' }).GDS_CUPOS_POR_DEFECTO).toBe(3);
  });

  it('accepts 0 seats by default', () => {
    expect(loadConfig(GdsEnv, { GDS_CUPOS_POR_DEFECTO: '0' }).GDS_CUPOS_POR_DEFECTO).toBe(0);
  });

  it.each(['abc', '-1', '2.5', '1000001'])('rejects GDS_CUPOS_POR_DEFECTO=%s with a ConfigError naming it', (value) => {
    expect(() => loadConfig(GdsEnv, { GDS_CUPOS_POR_DEFECTO: value })).toThrow(ConfigError);
    expect(() => loadConfig(GdsEnv, { GDS_CUPOS_POR_DEFECTO: value })).toThrow(new RegExp(`GDS_CUPOS_POR_DEFECTO: .*\\(got "${value}"\\)`));
  });
});
