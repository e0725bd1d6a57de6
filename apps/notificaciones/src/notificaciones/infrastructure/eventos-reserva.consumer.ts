import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ReservaAprobada, type ReservaAprobadaPayload, ReservaCancelada, type ReservaCanceladaPayload } from '#contracts';
import { NotificarReservaCommand } from '../commands/notificar-reserva/notificar-reserva.command.js';

/** eventos-aeroalpes → NotificarReservaCommand. The transport runs it in a unit of work with the inbox. */
@Controller()
export class EventosReservaConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string>(ReservaAprobada.type)
  aprobada(@Payload() { id_reserva, id_cliente }: ReservaAprobadaPayload): Promise<void> {
    return this.commands.execute(new NotificarReservaCommand({ tipo: 'RESERVA_APROBADA', id_reserva, id_cliente }));
  }

  @EventPattern<string>(ReservaCancelada.type)
  cancelada(@Payload() { id_reserva, id_cliente, motivo }: ReservaCanceladaPayload): Promise<void> {
    return this.commands.execute(
      new NotificarReservaCommand({ tipo: 'RESERVA_CANCELADA', id_reserva, id_cliente, ...(motivo ? { motivo } : {}) }),
    );
  }
}
