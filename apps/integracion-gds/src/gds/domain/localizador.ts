import { randomInt } from 'node:crypto';

const ALFABETO = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LONGITUD_LOCALIZADOR = 6;
export const FORMA_LOCALIZADOR = /^[A-Z0-9]{6}$/;

/** A booking reference as GDSs give them: 6 upper-case letters and digits, at random. */
export function nuevoLocalizador(aleatorio: (max: number) => number = randomInt): string {
  return Array.from({ length: LONGITUD_LOCALIZADOR }, () => ALFABETO[aleatorio(ALFABETO.length)]).join('');
}
