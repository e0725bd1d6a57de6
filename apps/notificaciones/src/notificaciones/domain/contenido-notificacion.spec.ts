import { describe, expect, it } from '@jest/globals';
import type { Contacto } from './contacto.js';
import { contenidoDe } from './contenido-notificacion.js';

const contacto: Contacto = { id_cliente: 'c-1', nombres: 'Ana María', email: 'ana@example.com' };

describe('contenidoDe', () => {
  describe('RESERVA_APROBADA', () => {
    const contenido = contenidoDe({ tipo: 'RESERVA_APROBADA', id_reserva: 'r-1', id_cliente: 'c-1' }, contacto);

    it('says in the subject that the reserva was approved', () => {
      expect(contenido.asunto).toBe('Tu reserva r-1 fue aprobada');
    });

    it('greets the cliente by name and names the reserva in the body', () => {
      expect(contenido.cuerpo).toMatch(/^Hola Ana María: tu reserva r-1 fue aprobada/);
    });
  });

  describe('RESERVA_CANCELADA', () => {
    it('says in the subject that the reserva was cancelled', () => {
      expect(contenidoDe({ tipo: 'RESERVA_CANCELADA', id_reserva: 'r-1', id_cliente: 'c-1' }, contacto).asunto).toBe(
        'Tu reserva r-1 fue cancelada',
      );
    });

    it('names the reserva in the body', () => {
      expect(contenidoDe({ tipo: 'RESERVA_CANCELADA', id_reserva: 'r-1', id_cliente: 'c-1' }, contacto).cuerpo).toContain(
        'tu reserva r-1 fue cancelada',
      );
    });

    it('gives the motivo when there is one', () => {
      const contenido = contenidoDe(
        { tipo: 'RESERVA_CANCELADA', id_reserva: 'r-1', id_cliente: 'c-1', motivo: 'PAGO_RECHAZADO' },
        contacto,
      );
      expect(contenido.cuerpo).toContain('Motivo: PAGO_RECHAZADO.');
    });

    it('says no motivo when there is none', () => {
      expect(contenidoDe({ tipo: 'RESERVA_CANCELADA', id_reserva: 'r-1', id_cliente: 'c-1' }, contacto).cuerpo).not.toContain('Motivo');
    });
  });
});
