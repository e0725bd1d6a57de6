import { CODIGO_AEROPUERTO } from '#contracts';
import { IsString, Matches, ValidateBy, type ValidationArguments } from 'class-validator';
import { IsCalendarDate } from '#seedwork';

/** The property differs from another property of the same object (`origen` ≠ `destino`). */
function DistintoDe(otra: string): PropertyDecorator {
  return ValidateBy({
    name: 'distintoDe',
    constraints: [otra],
    validator: {
      validate: (valor: unknown, args?: ValidationArguments) => valor !== (args?.object as Record<string, unknown>)[otra],
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must differ from ${otra}`,
    },
  });
}

/** A route and day of the GDS's inventory, as PUT and GET /gds/disponibilidad take it. */
export class RutaDelDiaRequest {
  @IsString() @Matches(CODIGO_AEROPUERTO, { message: 'origen must be 3 upper-case letters' }) origen: string;
  @IsString()
  @Matches(CODIGO_AEROPUERTO, { message: 'destino must be 3 upper-case letters' })
  @DistintoDe('origen')
  destino: string;
  @IsCalendarDate({ message: 'fecha must be a calendar date YYYY-MM-DD' }) fecha: string;
}
