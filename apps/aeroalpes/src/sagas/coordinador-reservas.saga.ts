import {
  AprobacionReservaFallida,
  AprobarReserva,
  CancelarReserva,
  ClienteValidado,
  ConfirmacionGDSFallida,
  ConfirmacionGDSRevertida,
  ConfirmarReserva,
  CreacionReservaFallida,
  CrearReserva,
  PagarReserva,
  PagoRechazado,
  PagoRevertido,
  ReservaAprobada,
  ReservaCancelada,
  ReservaCreada,
  ReservaGDSConfirmada,
  ReservaPagada,
  RevertirConfirmacion,
  RevertirPago,
  ValidacionClienteFallida,
  ValidarCliente,
} from '#contracts';
import { saga } from '#seedwork';
import type { DatosSagaReserva } from './datos-saga-reserva.js';

/** The reserva saga of API.md, on one screen. `GET /sagas/definicion` and its diagram come from here. */
export const COORDINADOR_RESERVAS = saga<DatosSagaReserva>('reserva')
  .step('CrearReserva')
  .invokeParticipant('aeroalpes', CrearReserva, (d) => ({
    id_reserva: d.id_reserva,
    id_cliente: d.id_cliente,
    itinerarios: [],
    monto: d.monto,
    moneda: d.moneda,
  }))
  .onReply(ReservaCreada)
  .onError(CreacionReservaFallida)
  .withCompensation(CancelarReserva, ReservaCancelada, (d) => ({ id_reserva: d.id_reserva, motivo: 'SAGA_COMPENSADA' }))

  .step('ValidarCliente')
  .invokeParticipant('cliente', ValidarCliente, (d) => ({ id_reserva: d.id_reserva, id_cliente: d.id_cliente }))
  .onReply(ClienteValidado)
  .onError(ValidacionClienteFallida)

  .step('PagarReserva')
  .invokeParticipant('pagos', PagarReserva, (d) => ({
    id_reserva: d.id_reserva,
    id_cliente: d.id_cliente,
    monto: d.monto,
    moneda: d.moneda,
    token: d.token,
  }))
  .onReply(ReservaPagada, (d, reply) => ({ ...d, id_pago: String(reply.id_pago) }))
  .onError(PagoRechazado)
  .withCompensation(RevertirPago, PagoRevertido, (d) => ({ id_reserva: d.id_reserva }))

  .step('ConfirmarReserva')
  .invokeParticipant('integracion-gds', ConfirmarReserva, (d) => ({ id_reserva: d.id_reserva, legs: d.legs }))
  .onReply(ReservaGDSConfirmada, (d, reply) => ({ ...d, localizador: String(reply.localizador) }))
  .onError(ConfirmacionGDSFallida)
  .withCompensation(RevertirConfirmacion, ConfirmacionGDSRevertida, (d) => ({ id_reserva: d.id_reserva }))

  .step('AprobarReserva')
  .invokeParticipant('aeroalpes', AprobarReserva, (d) => ({ id_reserva: d.id_reserva }))
  .onReply(ReservaAprobada)
  .onError(AprobacionReservaFallida)
  .build();

/** The subscription through which aeroalpes receives its participants' replies. */
export const SUSCRIPCION_SAGA = 'aeroalpes-saga';
