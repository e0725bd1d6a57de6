import { defineMessage } from '#seedwork';
import { IsIn, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, IsUUID, Matches, Max } from 'class-validator';
import { TOPICOS } from '../../topics.js';
import { MONEDA, MONTO_MAXIMO, ReservaRef } from './common.js';

export class PagarReservaPayload extends ReservaRef {
  @IsUUID() id_cliente: string;
  @IsNumber({ maxDecimalPlaces: 2 }) @IsPositive() @Max(MONTO_MAXIMO) monto: number;
  @Matches(MONEDA) moneda: string;
  @IsString() @IsNotEmpty() token: string;
}
export class RevertirPagoPayload extends ReservaRef {}

export const PagarReserva = defineMessage('PagarReserva', TOPICOS.comandosPagos, PagarReservaPayload);
export const RevertirPago = defineMessage('RevertirPago', TOPICOS.comandosPagos, RevertirPagoPayload);

export class ReservaPagadaPayload extends ReservaRef {
  @IsString() id_pago: string;
  @IsNumber() monto: number;
  @Matches(MONEDA) moneda: string;
}
export const MOTIVOS_RECHAZO = ['FONDOS_INSUFICIENTES', 'TOKEN_INVALIDO', 'PAGO_REVERTIDO'] as const;
export class PagoRechazadoPayload extends ReservaRef {
  @IsOptional() @IsString() id_pago?: string;
  @IsIn(MOTIVOS_RECHAZO) motivo: (typeof MOTIVOS_RECHAZO)[number];
}
export class PagoRevertidoPayload extends ReservaRef {
  @IsOptional() @IsString() id_pago?: string;
}

export const ReservaPagada = defineMessage('ReservaPagada', TOPICOS.eventosPagos, ReservaPagadaPayload);
export const PagoRechazado = defineMessage('PagoRechazado', TOPICOS.eventosPagos, PagoRechazadoPayload);
export const PagoRevertido = defineMessage('PagoRevertido', TOPICOS.eventosPagos, PagoRevertidoPayload);
