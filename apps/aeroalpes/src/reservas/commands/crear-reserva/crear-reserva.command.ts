import { Command } from '@nestjs/cqrs';
import type { CrearReservaRequestDto } from './crear-reserva.request.dto.js';

/** What `POST /reservas` answers (202), and what a repeat with the same Idempotency-Key answers again. */
export interface ReservaAceptada {
  id_reserva: string;
  id_saga: string;
  estado: 'PENDIENTE';
}

export class CrearReservaCommand extends Command<ReservaAceptada> {
  constructor(
    readonly solicitud: CrearReservaRequestDto,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
