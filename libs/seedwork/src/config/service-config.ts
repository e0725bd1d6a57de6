import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const BROKERS = ['sql', 'pulsar'] as const;
export type BrokerKind = (typeof BROKERS)[number];

/** Variables every service reads. Per-service names (port, database) are resolved in `serviceSettings`. */
export class ServiceEnv {
  @IsOptional() @IsString() DATA_DIR = './data';
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsOptional() @IsIn(BROKERS) BROKER: BrokerKind = 'sql';
  @IsOptional() @IsString() BROKER_DATABASE_URL?: string;
  @IsOptional() @IsString() PULSAR_URL?: string;
  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1000) @Max(600000) SHUTDOWN_TIMEOUT_MS = 10000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(256) BROKER_PARTITIONS = 8;
  @IsOptional() @Type(() => Number) @IsInt() @Min(200) @Max(600000) BROKER_LEASE_MS = 10000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) BROKER_POLL_MS = 20;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) BROKER_MAX_ATTEMPTS = 5;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(60000) BROKER_RETRY_BASE_MS = 100;
}

/** The environment variable prefix of a service: `integracion-gds` → `INTEGRACION_GDS`. */
export function envPrefix(service: string): string {
  return service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
