import 'reflect-metadata';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TerminusModule } from '@nestjs/terminus';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { MESSAGE_BROKER, type MessageBroker } from '../messaging/message-broker.js';
import { HealthController } from './health.controller.js';

// GET /health over real HTTP, with a real SQLite database and a broker that is up or down.
describe('GET /health', () => {
  let app: INestApplication | undefined;
  let dataSource: DataSource | undefined;

  afterEach(async () => {
    await app?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
  });

  async function healthWith(broker: Pick<MessageBroker, 'ping'>, databaseUp = true): Promise<{ status: number; body: unknown }> {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    if (!databaseUp) await dataSource.destroy();
    const moduleRef = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: MESSAGE_BROKER, useValue: broker },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    return { status: res.status, body: await res.json() };
  }

  it('answers 200 with every check up', async () => {
    expect(await healthWith({ ping: async () => undefined })).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: 'up', broker: 'up' } },
    });
  });

  it('answers 503 with the broker marked down when it cannot be reached', async () => {
    const broker = {
      ping: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    };
    expect(await healthWith(broker)).toEqual({ status: 503, body: { status: 'error', checks: { database: 'up', broker: 'down' } } });
  });

  it('answers 503 with the database marked down when it is closed', async () => {
    expect(await healthWith({ ping: async () => undefined }, false)).toEqual({
      status: 503,
      body: { status: 'error', checks: { database: 'down', broker: 'up' } },
    });
  });
});
