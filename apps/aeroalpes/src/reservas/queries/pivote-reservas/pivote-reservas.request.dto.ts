import {
  IsOptional,
  Matches,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

const FECHA = /^\d{4}-\d{2}-\d{2}$/;

@ValidatorConstraint({ name: 'fechaReal' })
class FechaReal implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !FECHA.test(value)) return false;
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} debe ser una fecha YYYY-MM-DD`;
  }
}

@ValidatorConstraint({ name: 'noAntesDe' })
class NoAntesDeDesde implements ValidatorConstraintInterface {
  validate(hasta: unknown, args: ValidationArguments): boolean {
    const desde = (args.object as { desde?: unknown }).desde;
    return typeof desde !== 'string' || typeof hasta !== 'string' || desde <= hasta;
  }
  defaultMessage(): string {
    return 'hasta no puede ser anterior a desde';
  }
}

export class PivoteReservasRequestDto {
  @IsOptional() @Matches(FECHA, { message: 'desde debe ser una fecha YYYY-MM-DD' }) @Validate(FechaReal) desde?: string;
  @IsOptional()
  @Matches(FECHA, { message: 'hasta debe ser una fecha YYYY-MM-DD' })
  @Validate(FechaReal)
  @Validate(NoAntesDeDesde)
  hasta?: string;
}
