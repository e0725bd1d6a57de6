import { IsOptional, Validate, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { IsCalendarDate } from '#seedwork';

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

/** Both optional: without `desde` the pivot starts at the first day, without `hasta` it runs to the last. */
export class PivoteReservasRequestDto {
  @IsOptional() @IsCalendarDate() desde?: string;
  @IsOptional() @IsCalendarDate() @Validate(NoAntesDeDesde) hasta?: string;
}
