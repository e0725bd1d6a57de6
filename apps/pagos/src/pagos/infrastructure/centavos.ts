/** Money as an exact integer number of cents (API.md: at most 2 decimals), and back. */
export function aCentavos(monto: number): number {
  return Math.round(monto * 100);
}

export function deCentavos(centavos: number | string): number {
  return Number(centavos) / 100;
}
