import { describe, expect, it } from '@jest/globals';
import { Cliente } from './cliente.js';
import { motivoParaNoReservar } from './validacion-cliente.js';

const cliente = (estado: 'ACTIVO' | 'INACTIVO') =>
  Cliente.restaurar({
    id: '6f1c0c7e-2f5e-4c39-9d7e-1a2b3c4d5e6f',
    nombres: 'Ana',
    apellidos: 'Pérez',
    email: 'ana@example.com',
    estado,
    fecha_registro: '2026-12-01T10:00:00.000Z',
    version: 1,
  });

describe('motivoParaNoReservar', () => {
  it('lets an ACTIVO cliente reserve', () => {
    expect(motivoParaNoReservar(cliente('ACTIVO'))).toBeNull();
  });

  it('refuses an INACTIVO cliente with CLIENTE_INACTIVO', () => {
    expect(motivoParaNoReservar(cliente('INACTIVO'))).toBe('CLIENTE_INACTIVO');
  });

  it('refuses a cliente that does not exist with CLIENTE_NO_EXISTE', () => {
    expect(motivoParaNoReservar(undefined)).toBe('CLIENTE_NO_EXISTE');
  });
});
