import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { describeSaga, SagaManager } from '#seedwork';
import { COORDINADOR_RESERVAS } from './coordinador-reservas.saga.js';
import type { DatosSagaReserva } from './datos-saga-reserva.js';
import { ListarSagasRequestDto } from './listar-sagas.request.dto.js';
import { sagaResponse } from './saga.response.js';
import { SAGA_RESERVAS } from './saga-reservas.provider.js';

/** Watching and resuming sagas. */
@Controller('sagas')
export class SagasHttpController {
  constructor(@Inject(SAGA_RESERVAS) private readonly sagas: SagaManager<DatosSagaReserva>) {}

  /** Generated from the definition in code: steps and a Mermaid diagram. */
  @Get('definicion')
  definicion() {
    return describeSaga(COORDINADOR_RESERVAS as never);
  }

  @Get()
  async listar(@Query() filtro: ListarSagasRequestDto) {
    const page = await this.sagas.list({
      estado: filtro.estado,
      referencia: filtro.id_reserva,
      limit: filtro.limit,
      offset: filtro.offset,
    });
    return { items: page.items.map(sagaResponse), total: page.total };
  }

  @Get(':id')
  async obtener(@Param('id') id: string) {
    return sagaResponse(await this.sagas.view(id));
  }

  /** 202 for a FALLIDA saga: its exhausted compensations are sent again. 409 otherwise. */
  @Post(':id/reintentar')
  @HttpCode(202)
  async reintentar(@Param('id') id: string) {
    return sagaResponse(await this.sagas.retry(id));
  }
}
