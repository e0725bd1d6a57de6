import { IsInt, Max, Min } from 'class-validator';
import { CUPOS_MAXIMOS } from '../../../config.js';
import { RutaDelDiaRequest } from '../../ruta-del-dia.request.js';

/** `PUT /gds/disponibilidad`: the seats left on a route and day, a whole number from 0. */
export class FijarDisponibilidadRequest extends RutaDelDiaRequest {
  @IsInt() @Min(0) @Max(CUPOS_MAXIMOS) cupos: number;
}
