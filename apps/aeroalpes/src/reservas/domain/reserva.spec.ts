import { describe, expect, it } from '@jest/globals';
import { DomainError, domainEvent } from '#seedwork/domain';
import type { Itinerario, Leg } from './itinerario.js';
import type { ReservaEvento } from './reserva.events.js';
import {
  aprobar,
  cancelar,
  crear,
  type CrearReservaDatos,
  evolve,
  fold,
  registrarConfirmacion,
  registrarPago,
  type Reserva,
  type ReservaEstado,
} from './reserva.js';

// The event-sourced Reserva as a decider: given the events so far, when a command is decided on the
// folded state, then these events (or this error). A tiny local DSL in the style of STYLE.md.

const ID = '3f2b9c1e-7a4d-4e1f-9b8c-0d1e2f3a4b5c';
const CLIENTE = '6f1c0c7e-2f5e-4c39-9d7e-1a2b3c4d5e6f';
const T = (minutos: number) => new Date(Date.UTC(2026, 5, 1, 10, minutos));
const AHORA = T(30);

function unLeg(cambios: Partial<Leg> = {}): Leg {
  return {
    fecha_salida: '2026-12-01T10:00:00Z',
    fecha_llegada: '2026-12-01T11:05:00Z',
    origen: { codigo: 'BOG', nombre: 'El Dorado' },
    destino: { codigo: 'MDE', nombre: 'José María Córdova' },
    ...cambios,
  };
}

const conLegs = (...legs: Leg[]): Itinerario[] => [{ odos: [{ segmentos: [{ legs }] }] }];

function unaSolicitud(cambios: Partial<CrearReservaDatos> = {}): CrearReservaDatos {
  return { id_reserva: ID, id_cliente: CLIENTE, itinerarios: conLegs(unLeg()), monto: 450000, moneda: 'COP', ...cambios };
}

// ---- events of the stream, each at a chosen instant ----
const creada = (en = T(0), datos = unaSolicitud()): ReservaEvento => domainEvent('ReservaCreada', datos, en);
const pagada = (en = T(1)): ReservaEvento => domainEvent('ReservaPagada', { id_pago: 'pago-1' }, en);
const confirmada = (en = T(2)): ReservaEvento => domainEvent('ReservaConfirmada', { localizador: 'ABC123' }, en);
const aprobada = (en = T(3)): ReservaEvento => domainEvent('ReservaAprobada', {}, en);
const cancelada = (en = T(4)): ReservaEvento => domainEvent('ReservaCancelada', { motivo: 'PAGO_RECHAZADO' }, en);

/** The events that bring a reserva to each estado. */
const HISTORIAS: Record<ReservaEstado, ReservaEvento[]> = {
  PENDIENTE: [creada()],
  PAGADA: [creada(), pagada()],
  CONFIRMADA: [creada(), pagada(), confirmada()],
  APROBADA: [creada(), pagada(), confirmada(), aprobada()],
  CANCELADA: [creada(), cancelada()],
};

type Esperado = ReadonlyArray<ReservaEvento['tipo'] | ReservaEvento>;

/** `given(events).when((state) => decide(state)).then(events)` / `.thenThrows(code)`. */
function given(eventos: readonly ReservaEvento[]) {
  return {
    when(decide: (estado: Reserva) => ReservaEvento[]) {
      const run = () => decide(fold(eventos) as Reserva);
      return {
        then(esperado: Esperado): ReservaEvento[] {
          const nuevos = run();
          if (esperado.every((e) => typeof e === 'string')) expect(nuevos.map((e) => e.tipo)).toEqual(esperado);
          else expect(nuevos).toEqual(esperado);
          return nuevos;
        },
        thenThrows(code: string): DomainError {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
          return caught as DomainError;
        },
      };
    },
  };
}

describe('Reserva (decider)', () => {
  describe('crear', () => {
    it('gives ReservaCreada with the request data, at the given instant', () => {
      given([])
        .when(() => crear(unaSolicitud(), AHORA))
        .then([{ tipo: 'ReservaCreada', datos: unaSolicitud(), ocurrido_en: '2026-06-01T10:30:00.000Z' }]);
    });

    it('accepts several itinerarios, odos, segmentos and legs when each is valid', () => {
      const otroLeg = unLeg({
        fecha_salida: '2026-12-01T13:00:00Z',
        fecha_llegada: '2026-12-01T14:00:00Z',
        origen: { codigo: 'MDE', nombre: 'José María Córdova' },
        destino: { codigo: 'CTG', nombre: 'Rafael Núñez' },
      });
      const itinerarios: Itinerario[] = [
        { odos: [{ segmentos: [{ legs: [unLeg(), otroLeg] }, { legs: [otroLeg] }] }, { segmentos: [{ legs: [unLeg()] }] }] },
        { odos: [{ segmentos: [{ legs: [otroLeg] }] }] },
      ];
      given([])
        .when(() => crear(unaSolicitud({ itinerarios })))
        .then(['ReservaCreada']);
    });

    describe('rejects a reserva without itinerarios', () => {
      it.each<[string, Itinerario[]]>([
        ['no itinerario', []],
        ['an itinerario without odos', [{ odos: [] }]],
        ['an odo without segmentos', [{ odos: [{ segmentos: [] }] }]],
        ['a segmento without legs', [{ odos: [{ segmentos: [{ legs: [] }] }] }]],
        ['an empty level after a full one', [...conLegs(unLeg()), { odos: [{ segmentos: [{ legs: [] }] }] }]],
      ])('%s → RESERVA.SIN_ITINERARIOS', (_caso, itinerarios) => {
        given([])
          .when(() => crear(unaSolicitud({ itinerarios })))
          .thenThrows('RESERVA.SIN_ITINERARIOS');
      });
    });

    describe('rejects an invalid leg', () => {
      it.each<[string, Leg]>([
        ['a leg that lands before it departs', unLeg({ fecha_salida: '2026-12-01T11:00:00Z', fecha_llegada: '2026-12-01T10:00:00Z' })],
        ['a leg that lands the instant it departs', unLeg({ fecha_salida: '2026-12-01T10:00:00Z', fecha_llegada: '2026-12-01T10:00:00Z' })],
        ['a leg whose origen is its destino', unLeg({ destino: { codigo: 'BOG', nombre: 'Otro nombre' } })],
      ])('%s → RESERVA.LEG_INVALIDO', (_caso, leg) => {
        given([])
          .when(() => crear(unaSolicitud({ itinerarios: conLegs(leg) })))
          .thenThrows('RESERVA.LEG_INVALIDO');
      });

      it('finds the invalid leg among valid ones in a later itinerario', () => {
        const itinerarios = [...conLegs(unLeg(), unLeg()), ...conLegs(unLeg(), unLeg({ destino: { codigo: 'BOG', nombre: 'El Dorado' } }))];
        given([])
          .when(() => crear(unaSolicitud({ itinerarios })))
          .thenThrows('RESERVA.LEG_INVALIDO');
      });
    });

    describe('checks the monto', () => {
      it.each([0, -1, -0.01, Number.NaN, 100.123, 0.001, 450000.005])('rejects %p → RESERVA.MONTO_INVALIDO', (monto) => {
        given([])
          .when(() => crear(unaSolicitud({ monto })))
          .thenThrows('RESERVA.MONTO_INVALIDO');
      });

      // Amounts whose cents are not exact in binary floating point (19.99 * 100 = 1998.9999999999998).
      it.each([1, 0.01, 0.1, 0.29, 1.15, 4.35, 8.2, 19.99, 450000.5, 1234567.89])('accepts %p (at most two decimals)', (monto) => {
        given([])
          .when(() => crear(unaSolicitud({ monto })))
          .then(['ReservaCreada']);
      });
    });

    it('checks the itinerarios before the monto (the first broken rule is reported)', () => {
      given([])
        .when(() => crear(unaSolicitud({ itinerarios: [], monto: 0 })))
        .thenThrows('RESERVA.SIN_ITINERARIOS');
    });

    it('raises invalid-input errors (400), not conflicts', () => {
      const error = given([])
        .when(() => crear(unaSolicitud({ monto: 0 })))
        .thenThrows('RESERVA.MONTO_INVALIDO');
      expect(error.kind).toBe('INVALIDO');
    });
  });

  describe('the estado machine', () => {
    it('goes PENDIENTE → PAGADA → CONFIRMADA → APROBADA, one event per step, each at its instant', () => {
      given(HISTORIAS.PENDIENTE)
        .when((r) => registrarPago(r, 'pago-1', T(1)))
        .then([pagada(T(1))]);
      given(HISTORIAS.PAGADA)
        .when((r) => registrarConfirmacion(r, 'ABC123', T(2)))
        .then([confirmada(T(2))]);
      given(HISTORIAS.CONFIRMADA)
        .when((r) => aprobar(r, T(3)))
        .then([aprobada(T(3))]);
      expect(fold(HISTORIAS.APROBADA)!.estado).toBe('APROBADA');
    });

    it('dates an event one millisecond after the last one when the clock has not moved past it (steps in one transaction)', () => {
      const confirmadaEn = fold(HISTORIAS.CONFIRMADA)!.fecha_actualizacion;
      given(HISTORIAS.CONFIRMADA)
        .when((r) => aprobar(r, new Date(confirmadaEn)))
        .then([aprobada(new Date(Date.parse(confirmadaEn) + 1))]);
    });

    it.each<ReservaEstado>(['PENDIENTE', 'PAGADA', 'CONFIRMADA'])('cancels a %s reserva with its motivo', (estado) => {
      given(HISTORIAS[estado])
        .when((r) => cancelar(r, 'PAGO_RECHAZADO', T(4)))
        .then([cancelada(T(4))]);
    });

    describe('repeats of a step already taken give no events (idempotent)', () => {
      it.each<[ReservaEstado, string, (r: Reserva) => ReservaEvento[]]>([
        ['PAGADA', 'registrarPago', (r) => registrarPago(r, 'pago-1')],
        ['CONFIRMADA', 'registrarPago', (r) => registrarPago(r, 'pago-1')],
        ['APROBADA', 'registrarPago', (r) => registrarPago(r, 'pago-1')],
        ['CONFIRMADA', 'registrarConfirmacion', (r) => registrarConfirmacion(r, 'ABC123')],
        ['APROBADA', 'registrarConfirmacion', (r) => registrarConfirmacion(r, 'ABC123')],
        ['APROBADA', 'aprobar', (r) => aprobar(r)],
        ['CANCELADA', 'cancelar', (r) => cancelar(r, 'OTRO_MOTIVO')],
      ])('%s, %s → no events', (estado, _accion, decide) => {
        given(HISTORIAS[estado]).when(decide).then([]);
      });

      it('a second cancellation after a cancelled payment path gives no events', () => {
        given([creada(), pagada(), cancelada()])
          .when((r) => cancelar(r, 'PASO_EXPIRADO'))
          .then([]);
      });
    });

    describe('steps out of order are refused with RESERVA.TRANSICION_INVALIDA', () => {
      it.each<[ReservaEstado, string, (r: Reserva) => ReservaEvento[]]>([
        ['PENDIENTE', 'registrarConfirmacion', (r) => registrarConfirmacion(r, 'ABC123')],
        ['PENDIENTE', 'aprobar', (r) => aprobar(r)],
        ['PAGADA', 'aprobar', (r) => aprobar(r)],
        ['CANCELADA', 'registrarPago', (r) => registrarPago(r, 'pago-1')],
        ['CANCELADA', 'registrarConfirmacion', (r) => registrarConfirmacion(r, 'ABC123')],
        ['CANCELADA', 'aprobar', (r) => aprobar(r)],
      ])('%s, %s → TRANSICION_INVALIDA', (estado, _accion, decide) => {
        given(HISTORIAS[estado]).when(decide).thenThrows('RESERVA.TRANSICION_INVALIDA');
      });

      it('cancelling an APROBADA reserva throws a conflict (409) naming the reserva and its estado', () => {
        const error = given(HISTORIAS.APROBADA)
          .when((r) => cancelar(r, 'PAGO_RECHAZADO'))
          .thenThrows('RESERVA.TRANSICION_INVALIDA');
        expect(error.kind).toBe('CONFLICTO');
        expect(error.message).toContain(ID);
        expect(error.message).toContain('APROBADA');
      });
    });
  });

  describe('evolve and fold', () => {
    it('folds no events to no reserva', () => {
      expect(fold([])).toBeUndefined();
    });

    it('starts a reserva at version 1, PENDIENTE, with both dates at its creation', () => {
      expect(fold([creada(T(0))])).toEqual({
        id: ID,
        id_cliente: CLIENTE,
        estado: 'PENDIENTE',
        itinerarios: conLegs(unLeg()),
        monto: 450000,
        moneda: 'COP',
        fecha_creacion: '2026-06-01T10:00:00.000Z',
        fecha_actualizacion: '2026-06-01T10:00:00.000Z',
        version: 1,
      });
    });

    it('adds one version per event and moves fecha_actualizacion to the last event, keeping fecha_creacion', () => {
      const reserva = fold(HISTORIAS.APROBADA)!;
      expect(reserva).toMatchObject({
        estado: 'APROBADA',
        version: 4,
        fecha_creacion: '2026-06-01T10:00:00.000Z',
        fecha_actualizacion: '2026-06-01T10:03:00.000Z',
      });
    });

    it.each<[ReservaEstado, number]>([
      ['PENDIENTE', 1],
      ['PAGADA', 2],
      ['CONFIRMADA', 3],
      ['APROBADA', 4],
      ['CANCELADA', 2],
    ])('folds to %s at version %i', (estado, version) => {
      expect(fold(HISTORIAS[estado])).toMatchObject({ estado, version });
    });

    it('gives the state after each event when folding a prefix (time travel)', () => {
      const historia = [creada(T(0)), pagada(T(1)), confirmada(T(2)), cancelada(T(4))];
      const estados = historia.map((_, i) => fold(historia.slice(0, i + 1))!.estado);
      expect(estados).toEqual(['PENDIENTE', 'PAGADA', 'CONFIRMADA', 'CANCELADA']);
    });

    it('does not change the state it evolves from', () => {
      const antes = fold(HISTORIAS.PENDIENTE)!;
      const copia = structuredClone(antes);
      const despues = evolve(antes, pagada());
      expect(antes).toEqual(copia);
      expect(despues).not.toBe(antes);
    });

    it('agrees with the state the decider events lead to', () => {
      const eventos = [...crear(unaSolicitud(), T(0))];
      for (const decide of [
        (r: Reserva) => registrarPago(r, 'p', T(1)),
        (r: Reserva) => registrarConfirmacion(r, 'L', T(2)),
        (r: Reserva) => aprobar(r, T(3)),
      ]) {
        eventos.push(...decide(fold(eventos)!));
      }
      expect(eventos.map((e) => e.tipo)).toEqual(['ReservaCreada', 'ReservaPagada', 'ReservaConfirmada', 'ReservaAprobada']);
      expect(fold(eventos)).toMatchObject({ estado: 'APROBADA', version: 4, fecha_actualizacion: T(3).toISOString() });
    });

    it('refuses an event before ReservaCreada', () => {
      expect(() => evolve(undefined, pagada())).toThrow('ReservaPagada before ReservaCreada');
    });
  });
});
