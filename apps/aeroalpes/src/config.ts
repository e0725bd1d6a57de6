import { loadConfig } from '#seedwork';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** aeroalpes' own settings (the shared ones are read by seedwork's serviceSettings). */
export class AeroalpesConfig {
  /** Deadline of a saga step's reply; a compensation's grows with its retries (×2, up to ×8). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(100) @Max(3600000) SAGA_PASO_TIMEOUT_MS = 30000;
  /** Sends of a compensation before the saga stops in FALLIDA. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) SAGA_COMPENSACION_MAX_INTENTOS = 5;
  /** How often deadlines are checked. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(10) @Max(60000) SAGA_TICK_MS = 250;
}

export const AEROALPES_CONFIG = Symbol('AeroalpesConfig');

export function aeroalpesConfig(env: NodeJS.ProcessEnv = process.env): AeroalpesConfig {
  return loadConfig(AeroalpesConfig, env);
}
