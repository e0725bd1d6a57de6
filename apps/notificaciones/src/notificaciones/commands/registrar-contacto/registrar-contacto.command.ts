import { Command } from '@nestjs/cqrs';
import type { Contacto } from '../../domain/contacto.js';

/** From ClienteRegistrado: remember where to write to the cliente. */
export class RegistrarContactoCommand extends Command<void> {
  constructor(
    readonly contacto: Contacto,
    readonly registradoEn: string,
  ) {
    super();
  }
}
