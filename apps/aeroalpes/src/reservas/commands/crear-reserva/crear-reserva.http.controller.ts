import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { InvalidInputError, ProjectionRunner } from '#seedwork';
import { PROYECCIONES } from '../../projections/proyecciones.provider.js';
import { CrearReservaCommand, type ReservaAceptada } from './crear-reserva.command.js';
import { CrearReservaRequestDto } from './crear-reserva.request.dto.js';

const MAX_IDEMPOTENCY_KEY = 191;

@Controller('reservas')
export class CrearReservaHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROYECCIONES) private readonly proyecciones: ProjectionRunner,
  ) {}

  /** 202: the reserva exists and its saga has started; follow it at Location and /sagas/{id_saga}. */
  @Post()
  @HttpCode(202)
  async crear(
    @Body() solicitud: CrearReservaRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReservaAceptada> {
    if (idempotencyKey !== undefined && (idempotencyKey.trim() === '' || idempotencyKey.length > MAX_IDEMPOTENCY_KEY)) {
      throw new InvalidInputError([{ campo: 'Idempotency-Key', mensaje: `debe tener entre 1 y ${MAX_IDEMPOTENCY_KEY} caracteres` }]);
    }
    const aceptada = await this.commands.execute(new CrearReservaCommand(solicitud, idempotencyKey));
    // Read-your-writes: the projections have the new reserva before the client hears of it.
    await this.proyecciones.sync();
    res.location(`/reservas/${aceptada.id_reserva}`);
    return aceptada;
  }
}
