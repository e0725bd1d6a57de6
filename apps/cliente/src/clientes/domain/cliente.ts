import { AggregateRoot, checkRule, domainEvent } from '#seedwork/domain';
import type { ClienteEvento } from './cliente.events.js';
import { Email } from './email.js';
import type { EstadoCliente } from './estado-cliente.js';
import { NombreRequerido } from './reglas/nombre-requerido.js';

/** A cliente as it is stored: its state and the version it was saved at. */
export interface ClienteSnapshot {
  id: string;
  nombres: string;
  apellidos: string;
  email: string;
  estado: EstadoCliente;
  fecha_registro: string;
  version: number;
}

export interface NuevoCliente {
  id: string;
  nombres: string;
  apellidos: string;
  email: string;
}

/** Someone who books flights. Registered ACTIVO; can be deactivated, which is final and idempotent. */
export class Cliente extends AggregateRoot<string, ClienteEvento> {
  private datos = { nombres: '', apellidos: '', email: '', fecha_registro: '' };
  private _estado: EstadoCliente = 'ACTIVO';

  private constructor(id: string) {
    super(id);
  }

  static registrar(nuevo: NuevoCliente, ahora: Date = new Date()): Cliente {
    checkRule(new NombreRequerido('nombres', nuevo.nombres));
    checkRule(new NombreRequerido('apellidos', nuevo.apellidos));
    const email = Email.de(nuevo.email);
    const cliente = new Cliente(nuevo.id);
    cliente.record(
      domainEvent(
        'ClienteRegistrado',
        {
          id_cliente: nuevo.id,
          nombres: nuevo.nombres.trim(),
          apellidos: nuevo.apellidos.trim(),
          email: email.valor,
          fecha_registro: ahora.toISOString(),
        },
        ahora,
      ),
    );
    return cliente;
  }

  static restaurar(snapshot: ClienteSnapshot): Cliente {
    const cliente = new Cliente(snapshot.id);
    const { nombres, apellidos, email, fecha_registro } = snapshot;
    cliente.datos = { nombres, apellidos, email, fecha_registro };
    cliente._estado = snapshot.estado;
    cliente.version = snapshot.version;
    return cliente;
  }

  /** Deactivating an INACTIVO cliente changes nothing and records nothing. */
  desactivar(ahora: Date = new Date()): void {
    if (this._estado === 'INACTIVO') return;
    this.record(domainEvent('ClienteDesactivado', { id_cliente: this.id }, ahora));
  }

  get estado(): EstadoCliente {
    return this._estado;
  }

  get email(): Email {
    return Email.de(this.datos.email);
  }

  /** The version the cliente was loaded at, before its pending events. */
  get versionCargada(): number {
    return this.version - this.pendingEvents.length;
  }

  snapshot(): ClienteSnapshot {
    return { id: this.id, ...this.datos, estado: this._estado, version: this.version };
  }

  protected when(event: ClienteEvento): void {
    switch (event.tipo) {
      case 'ClienteRegistrado': {
        const { nombres, apellidos, email, fecha_registro } = event.datos;
        this.datos = { nombres, apellidos, email, fecha_registro };
        this._estado = 'ACTIVO';
        break;
      }
      case 'ClienteDesactivado':
        this._estado = 'INACTIVO';
        break;
      default: {
        const exhaustive: never = event;
        throw new Error(`unknown event ${String(exhaustive)}`);
      }
    }
  }
}
