import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { Notificador } from '../../application/notificador.js';
import { AvisoPendienteRepository } from '../../infrastructure/aviso-pendiente.repository.js';
import { ContactoRepository } from '../../infrastructure/contacto.repository.js';
import { RegistrarContactoCommand } from './registrar-contacto.command.js';

/** Remembers the contacto, then sends what was waiting for its email. */
@CommandHandler(RegistrarContactoCommand)
export class RegistrarContactoHandler implements ICommandHandler<RegistrarContactoCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contactos: ContactoRepository,
    private readonly pendientes: AvisoPendienteRepository,
    private readonly notificador: Notificador,
  ) {}

  async execute({ contacto, registradoEn }: RegistrarContactoCommand): Promise<void> {
    await this.uow.run(async () => {
      await this.contactos.agregarSiNuevo(contacto, registradoEn);
      const conocido = (await this.contactos.porId(contacto.id_cliente)) ?? contacto;
      for (const aviso of await this.pendientes.deCliente(contacto.id_cliente)) {
        await this.notificador.notificar(aviso, conocido);
        await this.pendientes.quitar(aviso);
      }
    });
  }
}
