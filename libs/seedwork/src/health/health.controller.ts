import { Controller, Get, Inject, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { MESSAGE_BROKER, type MessageBroker } from '../messaging/message-broker.js';

const CHECK_TIMEOUT_MS = 3000;

/** `GET /health` as API.md says: 200 with every check up, 503 with the failing one marked down. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
  ) {}

  @Get()
  async check(@Res() res: Response): Promise<void> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () =>
          this.indicators
            .check('database')
            .attempt(async () => void (await this.dataSource.query('SELECT 1')))
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('broker')
            .attempt(() => this.broker.ping())
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      result = (error as { getResponse(): HealthCheckResult }).getResponse();
    }
    const checks = Object.fromEntries(
      Object.entries(result.details).map(([name, detail]) => [name, detail.status === 'up' ? 'up' : 'down']),
    );
    const ok = Object.values(checks).every((status) => status === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'error', checks });
  }
}
