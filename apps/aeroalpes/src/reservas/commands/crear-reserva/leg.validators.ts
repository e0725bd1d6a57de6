import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isInstant } from '#seedwork';

/** The decorated ISO timestamp is strictly after the sibling field `campo`. */
export function PosteriorA(campo: string): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'posteriorA',
      target: target.constructor,
      propertyName: String(property),
      constraints: [campo],
      options: { message: `${String(property)} debe ser posterior a ${campo}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const otro = (args.object as Record<string, unknown>)[campo];
          if (!isInstant(value) || !isInstant(otro)) return true; // IsInstant reports these
          return Date.parse(value) > Date.parse(otro);
        },
      },
    });
}

/** The decorated airport differs from the sibling airport `campo` (by codigo). */
export function DistintoDe(campo: string): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'distintoDe',
      target: target.constructor,
      propertyName: String(property),
      constraints: [campo],
      options: { message: `${String(property)} debe ser distinto de ${campo}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const otro = (args.object as Record<string, unknown>)[campo] as { codigo?: unknown } | undefined;
          const codigo = (value as { codigo?: unknown } | undefined)?.codigo;
          return codigo === undefined || otro?.codigo === undefined || codigo !== otro.codigo;
        },
      },
    });
}
