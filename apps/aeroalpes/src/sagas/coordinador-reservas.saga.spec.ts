import 'reflect-metadata';
import { describe, it } from '@jest/globals';
import {
  CancelarReserva,
  ClienteValidado,
  ConfirmacionGDSFallida,
  ConfirmarReserva,
  PagarReserva,
  PagoRechazado,
  ReservaAprobada,
  ReservaCreada,
  ReservaGDSConfirmada,
  ReservaPagada,
  RevertirConfirmacion,
  RevertirPago,
  ValidacionClienteFallida,
  ValidarCliente,
  AprobarReserva,
  AprobacionReservaFallida,
  ConfirmacionGDSRevertida,
} from '#contracts';
import { given } from '#seedwork/testing';
import { COORDINADOR_RESERVAS } from './coordinador-reservas.saga.js';
import type { DatosSagaReserva } from './datos-saga-reserva.js';

const datos: DatosSagaReserva = {
  id_reserva: 'r-1',
  id_cliente: '6f1c0c7e-2f5e-4c39-9d7e-1a2b3c4d5e6f',
  monto: 450000,
  moneda: 'COP',
  token: 'tok_ok',
  legs: [{ origen: 'BOG', destino: 'MDE', fecha_salida: '2026-12-01T10:00:00Z', fecha_llegada: '2026-12-01T11:05:00Z' }],
};

const iniciada = () =>
  given(COORDINADOR_RESERVAS).start(datos, { primerPasoEjecutado: true }).expectNoCommand().andGiven().successReply(ReservaCreada);

describe('the reserva saga', () => {
  it('runs every step to COMPLETADA on the happy path', () => {
    iniciada()
      .expectCommand(ValidarCliente)
      .to('cliente')
      .andGiven()
      .successReply(ClienteValidado)
      .expectCommand(PagarReserva)
      .to('pagos')
      .andGiven()
      .successReply(ReservaPagada, { id_pago: 'p-1' })
      .expectCommand(ConfirmarReserva)
      .to('integracion-gds')
      .andGiven()
      .successReply(ReservaGDSConfirmada, { localizador: 'ABC123' })
      .expectCommand(AprobarReserva)
      .to('aeroalpes')
      .andGiven()
      .successReply(ReservaAprobada)
      .expectNoCommand()
      .expectEstado('COMPLETADA')
      .expectPasos({
        CrearReserva: 'EXITOSO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'EXITOSO',
        ConfirmarReserva: 'EXITOSO',
        AprobarReserva: 'EXITOSO',
      });
  });

  it('cancels the reserva when the cliente is not valid', () => {
    iniciada()
      .andGiven()
      .errorReply(ValidacionClienteFallida, { motivo: 'CLIENTE_INACTIVO' })
      .expectCompensations(CancelarReserva)
      .expectEstado('COMPENSADA')
      .expectPasos({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'FALLIDO',
        PagarReserva: 'OMITIDO',
        ConfirmarReserva: 'OMITIDO',
        AprobarReserva: 'OMITIDO',
      });
  });

  it('compensates the completed steps when the payment is declined', () => {
    iniciada()
      .andGiven()
      .successReply(ClienteValidado)
      .andGiven()
      .errorReply(PagoRechazado, { motivo: 'FONDOS_INSUFICIENTES' })
      .expectCompensations(CancelarReserva)
      .expectEstado('COMPENSADA')
      .expectPasos({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'FALLIDO',
        ConfirmarReserva: 'OMITIDO',
        AprobarReserva: 'OMITIDO',
      });
  });

  it('reverts the payment, newest first, when the GDS has no seat', () => {
    iniciada()
      .andGiven()
      .successReply(ClienteValidado)
      .andGiven()
      .successReply(ReservaPagada, { id_pago: 'p-1' })
      .andGiven()
      .errorReply(ConfirmacionGDSFallida, { motivo: 'SIN_CUPO' })
      .expectCompensations(RevertirPago, CancelarReserva)
      .expectEstado('COMPENSADA');
  });

  it('gives a step up at its deadline and compensates what was done', () => {
    iniciada()
      .andGiven()
      .successReply(ClienteValidado)
      .andGiven()
      .successReply(ReservaPagada, { id_pago: 'p-1' })
      .expectCommand(ConfirmarReserva)
      .to('integracion-gds')
      .andGiven()
      .deadlinePasses()
      .expectLogged('PASO_EXPIRADO')
      .expectCompensations(RevertirPago, CancelarReserva)
      .expectEstado('COMPENSADA')
      .expectPasos({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'COMPENSADO',
        ConfirmarReserva: 'FALLIDO',
        AprobarReserva: 'OMITIDO',
      });
  });

  it('compensates a success that arrives after its step was given up', () => {
    iniciada()
      .andGiven()
      .successReply(ClienteValidado)
      .andGiven()
      .successReply(ReservaPagada, { id_pago: 'p-1' })
      .andGiven()
      .deadlinePasses()
      .expectCompensations(RevertirPago, CancelarReserva)
      .expectEstado('COMPENSADA')
      .andGiven()
      .successReply(ReservaGDSConfirmada, { localizador: 'LATE01' })
      .expectLogged('RESPUESTA_TARDIA')
      .expectCompensations(RevertirConfirmacion)
      .expectEstado('COMPENSADA')
      .expectPasos({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'COMPENSADO',
        ConfirmarReserva: 'COMPENSADO',
        AprobarReserva: 'OMITIDO',
      });
  });

  it('applies a duplicate reply once', () => {
    iniciada()
      .andGiven()
      .successReply(ClienteValidado)
      .expectCommand(PagarReserva)
      .to('pagos')
      .andGiven()
      .successReply(ClienteValidado)
      .expectNoCommand()
      .expectLogged('RESPUESTA_DUPLICADA')
      .expectEstado('EN_CURSO');
  });

  it('stops in FALLIDA when a compensation keeps going unanswered, and resumes on retry', () => {
    const scenario = given(COORDINADOR_RESERVAS, { maxIntentosCompensacion: 2 })
      .start(datos, { primerPasoEjecutado: true })
      .andGiven()
      .successReply(ReservaCreada)
      .andGiven()
      .successReply(ClienteValidado)
      .andGiven()
      .successReply(ReservaPagada, { id_pago: 'p-1' })
      .andGiven()
      .successReply(ReservaGDSConfirmada, { localizador: 'ABC123' })
      .andGiven()
      .errorReply(AprobacionReservaFallida, { motivo: 'RESERVA_NO_CONFIRMADA' });
    scenario
      .expectCommand(RevertirConfirmacion)
      .to('integracion-gds')
      .andGiven()
      .deadlinePasses()
      .expectLogged('COMPENSACION_REINTENTADA')
      .expectCommand(RevertirConfirmacion)
      .to('integracion-gds')
      .andGiven()
      .deadlinePasses()
      .expectLogged('COMPENSACION_AGOTADA')
      .expectEstado('FALLIDA')
      .retry()
      .expectCompensations(RevertirConfirmacion, RevertirPago, CancelarReserva)
      .expectEstado('COMPENSADA');
  });

  it('gives the creation up at its deadline, and cancels the reserva when ReservaCreada comes late', () => {
    given(COORDINADOR_RESERVAS)
      .start(datos, { primerPasoEjecutado: true })
      .andGiven()
      .deadlinePasses()
      .expectLogged('PASO_EXPIRADO')
      .expectEstado('COMPENSADA')
      .expectPasos({
        CrearReserva: 'FALLIDO',
        ValidarCliente: 'OMITIDO',
        PagarReserva: 'OMITIDO',
        ConfirmarReserva: 'OMITIDO',
        AprobarReserva: 'OMITIDO',
      })
      .andGiven()
      .successReply(ReservaCreada)
      .expectCompensations(CancelarReserva)
      .expectPasos({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'OMITIDO',
        PagarReserva: 'OMITIDO',
        ConfirmarReserva: 'OMITIDO',
        AprobarReserva: 'OMITIDO',
      });
  });

  it('ignores a compensation reply that comes twice', () => {
    iniciada()
      .andGiven()
      .errorReply(ValidacionClienteFallida, { motivo: 'CLIENTE_NO_EXISTE' })
      .expectCompensations(CancelarReserva)
      .andGiven()
      .successReply(ConfirmacionGDSRevertida)
      .expectLogged('RESPUESTA_DUPLICADA')
      .expectEstado('COMPENSADA');
  });
});
