import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, ValidateNested } from 'class-validator';
import { IsInstant } from '#seedwork';

export const CODIGO_AEROPUERTO = /^[A-Z]{3}$/;
export const MONEDA = /^[A-Z]{3}$/;
/** The largest amount a reserva may carry (it fits DECIMAL(16,2) and BIGINT cents). */
export const MONTO_MAXIMO = 1_000_000_000_000;

/** A flight leg as the GDS needs it: airports and times. */
export class LegPayload {
  @Matches(CODIGO_AEROPUERTO) origen: string;
  @Matches(CODIGO_AEROPUERTO) destino: string;
  /** An instant with its zone, a real date and no leap second: what Date.parse reads exactly. */
  @IsInstant() fecha_salida: string;
  @IsInstant() fecha_llegada: string;
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
