import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { Notificador } from '../../application/notificador.js';
import { AvisoPendienteRepository } from '../../infrastructure/aviso-pendiente.repository.js';
import { ContactoRepository } from '../../infrastructure/contacto.repository.js';
import { NotificarReservaCommand } from './notificar-reserva.command.js';

/**
 * Notifies the cliente when its email is known. Otherwise the aviso waits: ClienteRegistrado
 * travels on another topic and may come later; a cliente that never registers is never written to.
 */
@CommandHandler(NotificarReservaCommand)
export class NotificarReservaHandler implements ICommandHandler<NotificarReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contactos: ContactoRepository,
    private readonly pendientes: AvisoPendienteRepository,
    private readonly notificador: Notificador,
  ) {}

  async execute({ aviso }: NotificarReservaCommand): Promise<void> {
    await this.uow.run(async () => {
      const contacto = await this.contactos.porIdBloqueando(aviso.id_cliente);
      if (contacto) await this.notificador.notificar(aviso, contacto);
      else await this.pendientes.guardar(aviso);
    });
  }
}
