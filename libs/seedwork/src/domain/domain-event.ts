/**
 * Something that happened in the domain, named in the past tense (`ReservaCreada`).
 * Plain data: it can be stored, sent and folded without any framework.
 */
export interface DomainEvent<TType extends string = string, TData extends object = object> {
  readonly tipo: TType;
  readonly datos: TData;
  readonly ocurrido_en: string;
}

export function domainEvent<TType extends string, TData extends object>(
  tipo: TType,
  datos: TData,
  ocurrido_en: Date = new Date(),
): DomainEvent<TType, TData> {
  return { tipo, datos, ocurrido_en: ocurrido_en.toISOString() };
}
