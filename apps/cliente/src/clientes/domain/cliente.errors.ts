import { ConflictError, NotFoundError } from '#seedwork/domain';

export class ClienteNoEncontrado extends NotFoundError {
  constructor(id: string) {
    super('CLIENTE.NO_ENCONTRADO', `No existe un cliente con id ${id}`);
  }
}

export class EmailYaRegistrado extends ConflictError {
  constructor(email: string) {
    super('CLIENTE.EMAIL_YA_REGISTRADO', `Ya hay un cliente registrado con el email ${email}`);
  }
}

/** Another transaction changed the cliente between reading and saving it; trying again resolves it. */
export class ClienteModificadoConcurrentemente extends ConflictError {
  constructor(id: string) {
    super('CLIENTE.MODIFICADO_CONCURRENTEMENTE', `El cliente ${id} fue modificado por otra operación; inténtelo de nuevo`);
  }
}
