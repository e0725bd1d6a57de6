import { defineMessage } from '#seedwork';
import { IsArray, IsNumber, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { TOPICOS } from '../../topics.js';
import { ConMotivo, MONEDA, ReservaRef } from './common.js';

// Commands aeroalpes handles itself as a saga participant (steps 1 and 5, compensation of 1).
export class CrearReservaPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
  @IsArray() itinerarios: unknown[];
  @IsNumber() monto: number;
  @Matches(MONEDA) moneda: string;
}
export class AprobarReservaPayload extends ReservaRef {}
export class CancelarReservaPayload extends ReservaRef {
  @IsOptional() @IsString() motivo?: string;
}

export const CrearReserva = defineMessage('CrearReserva', TOPICOS.comandosAeroalpes, CrearReservaPayload);
export const AprobarReserva = defineMessage('AprobarReserva', TOPICOS.comandosAeroalpes, AprobarReservaPayload);
export const CancelarReserva = defineMessage('CancelarReserva', TOPICOS.comandosAeroalpes, CancelarReservaPayload);

// Integration events of aeroalpes.
export class ReservaCreadaPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
  @IsNumber() monto: number;
  @Matches(MONEDA) moneda: string;
}
export class ReservaAprobadaPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
}
export class ReservaCanceladaPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
  @IsOptional() @IsString() motivo?: string;
}

export const ReservaCreada = defineMessage('ReservaCreada', TOPICOS.eventosAeroalpes, ReservaCreadaPayload);
export const CreacionReservaFallida = defineMessage('CreacionReservaFallida', TOPICOS.eventosAeroalpes, ConMotivo);
export const ReservaAprobada = defineMessage('ReservaAprobada', TOPICOS.eventosAeroalpes, ReservaAprobadaPayload);
export const AprobacionReservaFallida = defineMessage('AprobacionReservaFallida', TOPICOS.eventosAeroalpes, ConMotivo);
export const ReservaCancelada = defineMessage('ReservaCancelada', TOPICOS.eventosAeroalpes, ReservaCanceladaPayload);
