import { Transform } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';

/** An empty filter (`?id_reserva=`) is no filter. */
const vacioEsNada = Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

export class ListarNotificacionesRequest {
  @vacioEsNada @IsOptional() @IsUUID() id_reserva?: string;
  @vacioEsNada @IsOptional() @IsUUID() id_cliente?: string;
}
