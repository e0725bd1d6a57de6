import { registerDecorator, type ValidationOptions } from 'class-validator';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * An instant as API.md writes them (`2026-12-01T10:00:00Z`): RFC 3339 with its zone, a date that
 * exists (no 30 February), no leap second — so that `Date.parse` reads exactly what was meant.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  return realDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59 && Number.isFinite(Date.parse(value));
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  return m !== null && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function decorator(name: string, test: (value: unknown) => boolean, defaultMessage: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, property) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(property),
        options: { message: `${String(property)} ${defaultMessage}`, ...options },
        validator: { validate: test },
      });
}

/** class-validator rule for `isInstant`. */
export const IsInstant = decorator('isInstant', isInstant, 'debe ser un instante ISO-8601 con zona, p. ej. 2026-12-01T10:00:00Z');

/** class-validator rule for `isCalendarDate`. */
export const IsCalendarDate = decorator('isCalendarDate', isCalendarDate, 'debe ser una fecha YYYY-MM-DD que exista');
