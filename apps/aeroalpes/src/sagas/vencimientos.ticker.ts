import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SagaManager } from '#seedwork';
import { AEROALPES_CONFIG, type AeroalpesConfig } from '../config.js';
import type { DatosSagaReserva } from './datos-saga-reserva.js';
import { SAGA_RESERVAS } from './saga-reservas.provider.js';

/**
 * Checks the sagas' deadlines every SAGA_TICK_MS. Deadlines are stored with the sagas, so after a
 * restart every pending one is found again.
 */
@Injectable()
export class VencimientosTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VencimientosTicker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(SAGA_RESERVAS) private readonly sagas: SagaManager<DatosSagaReserva>,
    @Inject(AEROALPES_CONFIG) private readonly config: AeroalpesConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // A tick still running (a long backlog of deadlines) is not queued behind: skip this one.
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, this.config.SAGA_TICK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const moved = await this.sagas.expireDue();
      if (moved > 0) this.logger.log(`deadlines passed for ${moved} saga(s)`);
    } catch (error) {
      this.logger.error(`deadline check failed: ${String(error)}`);
    }
  }
}
