import { IsOptional } from 'class-validator';
import { IsInstant } from '#seedwork';

export class ObtenerReservaRequestDto {
  /** An instant with its zone: the reserva as it was then, folded from its events. */
  @IsOptional() @IsInstant() en?: string;
}
