import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ClienteValidado,
  type ClienteValidadoPayload,
  TOPICOS,
  ValidacionClienteFallida,
  type ValidacionClienteFallidaPayload,
} from '#contracts';
import { Outbox, replyTo, UnitOfWork } from '#seedwork';
import { motivoParaNoReservar } from '../../domain/validacion-cliente.js';
import { ClienteRepository } from '../../infrastructure/cliente.repository.js';
import { SERVICIO } from '../../infrastructure/eventos-integracion.js';
import { ValidarClienteCommand } from './validar-cliente.command.js';

/**
 * Answers ClienteValidado when the cliente exists and is ACTIVO, else ValidacionClienteFallida
 * with its motivo: an expected rejection is a typed reply, not an error. The reply goes through
 * the outbox in the command's unit of work and carries the command's correlation id (the saga).
 */
@CommandHandler(ValidarClienteCommand)
export class ValidarClienteHandler implements ICommandHandler<ValidarClienteCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly clientes: ClienteRepository,
  ) {}

  async execute({ id_reserva, id_cliente, causa }: ValidarClienteCommand): Promise<void> {
    await this.uow.run(async () => {
      const motivo = motivoParaNoReservar(await this.clientes.porId(id_cliente));
      const reply =
        motivo === null
          ? replyTo<ClienteValidadoPayload>(causa, ClienteValidado, { id_reserva, id_cliente }, SERVICIO)
          : replyTo<ValidacionClienteFallidaPayload>(causa, ValidacionClienteFallida, { id_reserva, id_cliente, motivo }, SERVICIO);
      await this.outbox.add(TOPICOS.eventosCliente, [reply]);
    });
  }
}
