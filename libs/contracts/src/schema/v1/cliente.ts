import { defineMessage } from '#seedwork';
import { IsEmail, IsISO8601, IsIn, IsString, IsUUID } from 'class-validator';
import { TOPICOS } from '../../topics.js';
import { ReservaRef } from './common.js';

export class ValidarClientePayload extends ReservaRef {
  @IsUUID() id_cliente: string;
}
export const ValidarCliente = defineMessage('ValidarCliente', TOPICOS.comandosCliente, ValidarClientePayload);

export class ClienteValidadoPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
}
export const MOTIVOS_VALIDACION = ['CLIENTE_NO_EXISTE', 'CLIENTE_INACTIVO'] as const;
export class ValidacionClienteFallidaPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
  @IsIn(MOTIVOS_VALIDACION) motivo: (typeof MOTIVOS_VALIDACION)[number];
}
export class ClienteRegistradoPayload {
  @IsUUID() id_cliente: string;
  @IsString() nombres: string;
  @IsString() apellidos: string;
  @IsEmail() email: string;
  @IsISO8601() fecha_registro: string;
}
export class ClienteDesactivadoPayload {
  @IsUUID() id_cliente: string;
}

export const ClienteValidado = defineMessage('ClienteValidado', TOPICOS.eventosCliente, ClienteValidadoPayload);
export const ValidacionClienteFallida = defineMessage('ValidacionClienteFallida', TOPICOS.eventosCliente, ValidacionClienteFallidaPayload);
export const ClienteRegistrado = defineMessage('ClienteRegistrado', TOPICOS.eventosCliente, ClienteRegistradoPayload);
export const ClienteDesactivado = defineMessage('ClienteDesactivado', TOPICOS.eventosCliente, ClienteDesactivadoPayload);
