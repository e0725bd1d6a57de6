import { Type } from 'class-transformer';
import { IsNotEmpty, IsRFC3339, IsString, Matches, ValidateNested } from 'class-validator';

export const CODIGO_AEROPUERTO = /^[A-Z]{3}$/;
export const MONEDA = /^[A-Z]{3}$/;

/** A flight leg as the GDS needs it: airports and times. */
export class LegPayload {
  @Matches(CODIGO_AEROPUERTO) origen: string;
  @Matches(CODIGO_AEROPUERTO) destino: string;
  /** RFC 3339 (an ISO-8601 profile with a date, a time and an offset): what Date.parse reads exactly. */
  @IsRFC3339() fecha_salida: string;
  @IsRFC3339() fecha_llegada: string;
}

/** Every reply names the reserva it is about. */
export class ReservaRef {
  @IsString() @IsNotEmpty() id_reserva: string;
}

export class ConMotivo extends ReservaRef {
  @IsString() @IsNotEmpty() motivo: string;
}

export function nestedLegs(): PropertyDecorator {
  return (target, key) => {
    ValidateNested({ each: true })(target, key);
    Type(() => LegPayload)(target, key);
  };
}
