import { IsISO8601, IsOptional } from 'class-validator';

export class ObtenerReservaRequestDto {
  /** An ISO-8601 instant: the reserva as it was then, folded from its events. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'en debe ser un instante ISO-8601, p. ej. 2026-12-01T10:00:00Z' }) en?: string;
}
