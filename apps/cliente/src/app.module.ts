import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';
import { ClientesModule } from './clientes/clientes.module.js';

@Module({})
export class ClienteModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: ClienteModule, imports: [ServiceModule.forRoot(infrastructure), ClientesModule] };
  }
}
