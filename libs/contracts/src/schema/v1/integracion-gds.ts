import { defineMessage } from '#seedwork';
import { ArrayNotEmpty, IsArray, Length } from 'class-validator';
import { TOPICOS } from '../../topics.js';
import { ConMotivo, type LegPayload, nestedLegs, ReservaRef } from './common.js';

export class ConfirmarReservaPayload extends ReservaRef {
  @IsArray() @ArrayNotEmpty() @nestedLegs() legs: LegPayload[];
}
export class RevertirConfirmacionPayload extends ReservaRef {}

export const ConfirmarReserva = defineMessage('ConfirmarReserva', TOPICOS.comandosGds, ConfirmarReservaPayload);
export const RevertirConfirmacion = defineMessage('RevertirConfirmacion', TOPICOS.comandosGds, RevertirConfirmacionPayload);

export class ReservaGDSConfirmadaPayload extends ReservaRef {
  @Length(6, 6) localizador: string;
}
export class ConfirmacionGDSRevertidaPayload extends ReservaRef {}

export const ReservaGDSConfirmada = defineMessage('ReservaGDSConfirmada', TOPICOS.eventosGds, ReservaGDSConfirmadaPayload);
/** motivo `SIN_CUPO` when a leg has no seat left. */
export const ConfirmacionGDSFallida = defineMessage('ConfirmacionGDSFallida', TOPICOS.eventosGds, ConMotivo);
export const ConfirmacionGDSRevertida = defineMessage('ConfirmacionGDSRevertida', TOPICOS.eventosGds, ConfirmacionGDSRevertidaPayload);
