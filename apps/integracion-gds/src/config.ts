import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const CUPOS_MAXIMOS = 1_000_000;

/** Variables of integracion-gds besides those every service reads (checked at start). */
export class GdsEnv {
  /** Seats of a route and day that was never set with PUT /gds/disponibilidad. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(CUPOS_MAXIMOS) GDS_CUPOS_POR_DEFECTO = 100;
}
