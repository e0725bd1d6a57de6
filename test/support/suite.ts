import { SERVICES } from '../../scripts/services.js';
import { TestDatabases } from './databases.js';
import { ServiceProcess } from './service-process.js';

export type ServiceName = 'aeroalpes' | 'cliente' | 'pagos' | 'integracion-gds' | 'notificaciones';

/**
 * The five services as real processes on fresh databases (SQLite, or MySQL/MariaDB when
 * MYSQL_URL is set), each on a free port. Tests talk to them over HTTP only.
 */
export class Suite {
  readonly dbs = new TestDatabases();
  readonly services = new Map<ServiceName, ServiceProcess>();

  constructor(
    readonly names: readonly ServiceName[] = SERVICES.map((s) => s.name as ServiceName),
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    const env = { ...this.dbs.envFor(names), LOG_LEVEL: 'info', BROKER_LEASE_MS: '2000', ...extraEnv };
    for (const name of names) {
      const service = SERVICES.find((s) => s.name === name)!;
      this.services.set(name, new ServiceProcess({ entry: service.entry, name, env: { ...env, [service.portVariable]: '0' } }));
    }
  }

  async start(): Promise<this> {
    await Promise.all([...this.services.values()].map((s) => s.start()));
    return this;
  }

  service(name: ServiceName): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not part of this suite`);
    return service;
  }

  url(name: ServiceName, path = ''): string {
    return `${this.service(name).url}${path}`;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.stop()));
    await this.dbs.dispose();
  }
}
