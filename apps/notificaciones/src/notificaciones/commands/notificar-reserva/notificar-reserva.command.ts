import { Command } from '@nestjs/cqrs';
import type { AvisoReserva } from '../../domain/aviso-reserva.js';

/** From ReservaAprobada or ReservaCancelada: tell the cliente. */
export class NotificarReservaCommand extends Command<void> {
  constructor(readonly aviso: AvisoReserva) {
    super();
  }
}
