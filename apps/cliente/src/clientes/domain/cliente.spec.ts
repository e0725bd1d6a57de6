import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#seedwork/domain';
import { Cliente, type ClienteSnapshot, type NuevoCliente } from './cliente.js';

const ID = '6f1c0c7e-2f5e-4c39-9d7e-1a2b3c4d5e6f';
const AHORA = new Date('2026-12-01T10:00:00.000Z');

function nuevo(cambios: Partial<NuevoCliente> = {}): NuevoCliente {
  return { id: ID, nombres: 'Ana María', apellidos: 'Pérez Gómez', email: 'Ana.Perez@Example.com', ...cambios };
}

function guardado(cambios: Partial<ClienteSnapshot> = {}): ClienteSnapshot {
  return {
    id: ID,
    nombres: 'Ana',
    apellidos: 'Pérez',
    email: 'ana@example.com',
    estado: 'ACTIVO',
    fecha_registro: AHORA.toISOString(),
    version: 1,
    ...cambios,
  };
}

function codigoDe(accion: () => unknown): string | undefined {
  try {
    accion();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Cliente.registrar', () => {
  it('registers the cliente ACTIVO', () => {
    expect(Cliente.registrar(nuevo(), AHORA).estado).toBe('ACTIVO');
  });

  it('records ClienteRegistrado with its data and the registration instant', () => {
    expect(Cliente.registrar(nuevo(), AHORA).pendingEvents).toEqual([
      {
        tipo: 'ClienteRegistrado',
        datos: {
          id_cliente: ID,
          nombres: 'Ana María',
          apellidos: 'Pérez Gómez',
          email: 'Ana.Perez@Example.com',
          fecha_registro: '2026-12-01T10:00:00.000Z',
        },
        ocurrido_en: '2026-12-01T10:00:00.000Z',
      },
    ]);
  });

  it('trims the blanks around nombres and apellidos', () => {
    const cliente = Cliente.registrar(nuevo({ nombres: '  Ana ', apellidos: ' Pérez  ' }), AHORA);
    expect([cliente.snapshot().nombres, cliente.snapshot().apellidos]).toEqual(['Ana', 'Pérez']);
  });

  it.each([
    ['empty nombres', { nombres: '' }],
    ['blank nombres', { nombres: '   ' }],
    ['empty apellidos', { apellidos: '' }],
  ])('refuses %s', (_caso, cambios) => {
    expect(codigoDe(() => Cliente.registrar(nuevo(cambios), AHORA))).toBe('CLIENTE.NOMBRE_REQUERIDO');
  });

  it('refuses an email that is not an address', () => {
    expect(codigoDe(() => Cliente.registrar(nuevo({ email: 'ana.example.com' }), AHORA))).toBe('CLIENTE.EMAIL_INVALIDO');
  });
});

describe('Cliente.desactivar', () => {
  it('makes an ACTIVO cliente INACTIVO', () => {
    const cliente = Cliente.restaurar(guardado());
    cliente.desactivar(AHORA);
    expect(cliente.estado).toBe('INACTIVO');
  });

  it('records ClienteDesactivado once', () => {
    const cliente = Cliente.restaurar(guardado());
    cliente.desactivar(AHORA);
    expect(cliente.pendingEvents.map((e) => e.tipo)).toEqual(['ClienteDesactivado']);
  });

  it('records nothing for a cliente already INACTIVO', () => {
    const cliente = Cliente.restaurar(guardado({ estado: 'INACTIVO', version: 2 }));
    cliente.desactivar(AHORA);
    expect({ estado: cliente.estado, eventos: cliente.pendingEvents.length }).toEqual({ estado: 'INACTIVO', eventos: 0 });
  });

  it('records nothing the second time it is deactivated', () => {
    const cliente = Cliente.restaurar(guardado());
    cliente.desactivar(AHORA);
    cliente.desactivar(AHORA);
    expect(cliente.pendingEvents).toHaveLength(1);
  });
});

describe('versions', () => {
  it('starts a registered cliente at version 1', () => {
    expect(Cliente.registrar(nuevo(), AHORA).snapshot().version).toBe(1);
  });

  it('keeps the loaded version apart from the version after pending events', () => {
    const cliente = Cliente.restaurar(guardado({ version: 1 }));
    cliente.desactivar(AHORA);
    expect({ cargada: cliente.versionCargada, nueva: cliente.snapshot().version }).toEqual({ cargada: 1, nueva: 2 });
  });

  it('restores a stored cliente exactly, with nothing pending', () => {
    const cliente = Cliente.restaurar(guardado({ estado: 'INACTIVO', version: 2 }));
    expect({ snapshot: cliente.snapshot(), pendientes: cliente.pendingEvents.length }).toEqual({
      snapshot: guardado({ estado: 'INACTIVO', version: 2 }),
      pendientes: 0,
    });
  });
});
