import type { BusinessRule } from '#seedwork/domain';

/** `nombres` and `apellidos` must say something: not empty, not only blanks. */
export class NombreRequerido implements BusinessRule {
  readonly code = 'CLIENTE.NOMBRE_REQUERIDO';
  readonly message: string;

  constructor(
    campo: string,
    private readonly valor: string,
  ) {
    this.message = `${campo} no puede estar vacío`;
  }

  isBroken(): boolean {
    return this.valor.trim().length === 0;
  }
}
