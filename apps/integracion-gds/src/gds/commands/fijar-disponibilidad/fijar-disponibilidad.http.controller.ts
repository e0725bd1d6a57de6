import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DisponibilidadView } from '../../disponibilidad.view.js';
import { FijarDisponibilidadCommand } from './fijar-disponibilidad.command.js';
import { FijarDisponibilidadRequest } from './fijar-disponibilidad.request.dto.js';

@Controller('gds/disponibilidad')
export class FijarDisponibilidadHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 200 with what was set; 400 for a bad airport code, date or seat count, or origen = destino. */
  @Put()
  @HttpCode(200)
  fijar(@Body() { origen, destino, fecha, cupos }: FijarDisponibilidadRequest): Promise<DisponibilidadView> {
    return this.commands.execute(new FijarDisponibilidadCommand({ origen, destino, fecha }, cupos));
  }
}
