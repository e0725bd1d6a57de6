import { AprobarReserva, type AprobarReservaPayload, CancelarReserva, type CancelarReservaPayload } from '#contracts';
import { type Envelope, UnprocessableMessageError } from '#seedwork';
import { AprobarReservaCommand } from './aprobar-reserva/aprobar-reserva.command.js';
import { CancelarReservaCommand } from './cancelar-reserva/cancelar-reserva.command.js';

/**
 * The command a saga's message to aeroalpes asks for: from the broker (comandos-aeroalpes), or
 * handed over in the orchestrator's own transaction (`ReservaSagaHooks.runOwnCommand`).
 */
export function comandoDeMensaje(mensaje: Envelope): AprobarReservaCommand | CancelarReservaCommand {
  if (mensaje.type === AprobarReserva.type) {
    const { id_reserva } = mensaje.payload as AprobarReservaPayload;
    return new AprobarReservaCommand(id_reserva, mensaje);
  }
  if (mensaje.type === CancelarReserva.type) {
    const { id_reserva, motivo } = mensaje.payload as CancelarReservaPayload;
    return new CancelarReservaCommand(id_reserva, motivo ?? 'CANCELADA', mensaje);
  }
  throw new UnprocessableMessageError(`aeroalpes handles no command ${mensaje.type}`);
}
