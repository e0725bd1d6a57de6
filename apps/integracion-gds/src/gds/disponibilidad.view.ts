/** A route and day with its seats left, as the API shows it (API.md, integracion-gds). */
export interface DisponibilidadView {
  origen: string;
  destino: string;
  fecha: string;
  cupos: number;
}
