import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '#seedwork/testing';
import { Api, solicitud } from '../support/api.js';
import { Suite } from '../support/suite.js';

// The read side of reservas (API.md, "Reading reservas") across the five services, over HTTP only:
// the reservas_lista projection, filters and pages, event streams, time travel, the pivot, and a
// rebuild of a projection while it is being read. Runs on SQLite, and on MariaDB when MYSQL_URL is set.

type Estado = 'PENDIENTE' | 'PAGADA' | 'CONFIRMADA' | 'APROBADA' | 'CANCELADA';

interface Reserva {
  id: string;
  id_cliente: string;
  estado: Estado;
  itinerarios: unknown[];
  monto: number;
  moneda: string;
  fecha_creacion: string;
  fecha_actualizacion: string;
  version: number;
}
interface Pagina {
  items: Reserva[];
  total: number;
}
interface Evento {
  version: number;
  tipo: string;
  ocurrido_en: string;
  datos: Record<string, unknown>;
}
interface Pivote {
  estados: Estado[];
  filas: Array<{ fecha: string; conteos: Record<Estado, number> }>;
}
interface EstadoProyeccion {
  nombre: string;
  posicion: number;
  cabeza: number;
  retraso: number;
  copia_activa: 'a' | 'b';
  reconstruyendo: boolean;
}
interface Creada {
  id_reserva: string;
  id_saga: string;
  id_cliente: string;
  esperado: Estado;
  cuerpo: ReturnType<typeof solicitud>;
}

const ESTADOS: Estado[] = ['PENDIENTE', 'PAGADA', 'CONFIRMADA', 'APROBADA', 'CANCELADA'];
const CAMPOS = ['fecha_actualizacion', 'fecha_creacion', 'id', 'id_cliente', 'estado', 'itinerarios', 'moneda', 'monto', 'version'].sort();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DESCONOCIDO = '00000000-0000-4000-8000-000000000000';
const TERMINALES = ['COMPLETADA', 'COMPENSADA', 'FALLIDA'];
const ESTADO_TRAS: Record<string, Estado> = {
  ReservaCreada: 'PENDIENTE',
  ReservaPagada: 'PAGADA',
  ReservaConfirmada: 'CONFIRMADA',
  ReservaAprobada: 'APROBADA',
  ReservaCancelada: 'CANCELADA',
};

/** Newest fecha_creacion first, ties by id. */
const porCreacion = (a: Reserva, b: Reserva) =>
  a.fecha_creacion === b.fecha_creacion ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.fecha_creacion > b.fecha_creacion ? -1 : 1;

describe(`the read side of reservas over HTTP (${process.env.MYSQL_URL ? 'MariaDB/MySQL' : 'SQLite'})`, () => {
  const suite = new Suite();
  const api = new Api(suite);
  const creadas: Creada[] = [];
  let clienteA: string;
  let clienteB: string;

  /** The raw answer, for byte-for-byte comparisons and content types. */
  async function crudo(path: string): Promise<{ status: number; text: string; type: string | null }> {
    const res = await fetch(suite.url('aeroalpes', path));
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  }

  async function problema(
    path: string,
    status: number,
  ): Promise<{ status: number; detail: string; errors?: Array<{ campo: string; mensaje: string }> }> {
    const res = await crudo(path);
    expect({ path, status: res.status }).toEqual({ path, status });
    expect(res.type).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(res.text) as { status: number; detail: string; errors?: Array<{ campo: string; mensaje: string }> };
    expect(body.status).toBe(status);
    expect(res.text).not.toMatch(/\bat .+\.js:\d+/);
    return body;
  }

  async function sagaTerminada(id: string, timeoutMs = 30000): Promise<void> {
    await eventually(async () => {
      const { status, body } = await api.get<{ estado: string }>('aeroalpes', `/sagas/${id}`);
      expect(status).toBe(200);
      expect(TERMINALES).toContain(body.estado);
    }, timeoutMs);
  }

  async function crear(id_cliente: string, esperado: Estado, opciones: Parameters<typeof solicitud>[1] = {}): Promise<Creada> {
    const cuerpo = solicitud(id_cliente, opciones);
    const { id_reserva, id_saga } = await api.crearReserva(cuerpo);
    const creada = { id_reserva, id_saga, id_cliente, esperado, cuerpo };
    creadas.push(creada);
    return creada;
  }

  const reserva = async (id: string) => (await api.get<Reserva>('aeroalpes', `/reservas/${id}`)).body;
  const eventos = async (id: string) => (await api.get<Evento[]>('aeroalpes', `/reservas/${id}/eventos`)).body;
  const lista = async (query = '') => {
    const res = await api.get<Pagina>('aeroalpes', `/reservas${query}`);
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return res.body;
  };
  const proyeccion = async (nombre: string) =>
    (await api.get<EstadoProyeccion[]>('aeroalpes', '/admin/proyecciones')).body.find((p) => p.nombre === nombre)!;
  const ids = (reservas: readonly { id: string }[]) => reservas.map((r) => r.id).sort();
  const idsDe = (filtro: (c: Creada) => boolean) =>
    creadas
      .filter(filtro)
      .map((c) => c.id_reserva)
      .sort();

  beforeAll(async () => {
    await suite.start();
    clienteA = (await api.registrarCliente()).id;
    clienteB = (await api.registrarCliente()).id;
    // Created together, so that some may share a fecha_creacion (ties are ordered by id).
    await Promise.all([
      crear(clienteA, 'APROBADA'),
      crear(clienteA, 'APROBADA', { destino: 'CTG' }),
      crear(clienteA, 'APROBADA', { monto: 19.99 }),
      crear(clienteA, 'CANCELADA', { token: 'tok_declined' }),
      crear(clienteB, 'APROBADA', { origen: 'MDE', destino: 'CLO' }),
      crear(clienteB, 'APROBADA'),
      crear(clienteB, 'CANCELADA', { token: 'tok_declined' }),
      crear(DESCONOCIDO, 'CANCELADA'),
    ]);
    await Promise.all(creadas.map((c) => sagaTerminada(c.id_saga, 60000)));
  }, 120000);

  afterAll(async () => {
    await suite.stop();
  });

  describe('GET /reservas/{id}', () => {
    it('answers 200 with every field right after POST /reservas, and the final state once its saga is done', async () => {
      const cliente = (await api.registrarCliente()).id;
      const cuerpo = solicitud(cliente, { destino: 'SMR', fecha: '2026-12-09' });
      const antes = new Date().toISOString();
      const res = await api.send<{ id_reserva: string; id_saga: string }>('aeroalpes', 'POST', '/reservas', cuerpo);
      const despues = new Date().toISOString();
      expect(res.status).toBe(202);
      creadas.push({ ...res.body, id_cliente: cliente, esperado: 'APROBADA', cuerpo });

      const ahora = await api.get<Reserva>('aeroalpes', `/reservas/${res.body.id_reserva}`);
      expect(ahora.status).toBe(200);
      expect(Object.keys(ahora.body).sort()).toEqual(CAMPOS);
      expect(ahora.body).toMatchObject({
        id: res.body.id_reserva,
        id_cliente: cliente,
        itinerarios: cuerpo.itinerarios,
        monto: 450000,
        moneda: 'COP',
      });
      expect(ESTADOS).toContain(ahora.body.estado);
      expect(ahora.body.fecha_creacion).toMatch(ISO);
      expect(ahora.body.fecha_actualizacion).toMatch(ISO);
      expect(ahora.body.fecha_creacion >= antes && ahora.body.fecha_creacion <= despues).toBe(true);
      expect(ahora.body.version).toBeGreaterThanOrEqual(1);

      await sagaTerminada(res.body.id_saga);
      const stream = await eventos(res.body.id_reserva);
      const final = await eventually(async () => {
        const r = await reserva(res.body.id_reserva);
        expect(r.version).toBe(stream.length);
        return r;
      });
      expect(final).toEqual({ ...ahora.body, estado: 'APROBADA', version: 4, fecha_actualizacion: stream.at(-1)!.ocurrido_en });
      expect(final.fecha_creacion).toBe(stream[0].ocurrido_en);
    }, 60000);

    it('answers each reserva with the estado its saga left it in', async () => {
      const estados = await Promise.all(creadas.map(async (c) => (await reserva(c.id_reserva)).estado));
      expect(estados).toEqual(creadas.map((c) => c.esperado));
    });

    it('keeps a decimal monto exact', async () => {
      const conDecimales = (await lista(`?id_cliente=${clienteA}`)).items.filter((r) => r.monto !== 450000);
      expect(conDecimales.map((r) => r.monto)).toEqual([19.99]);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      const body = await problema(`/reservas/${DESCONOCIDO}`, 404);
      expect(body.detail).toContain(DESCONOCIDO);
      await problema('/reservas/no-es-un-id', 404);
    });
  });

  describe('GET /reservas', () => {
    it('lists every reserva with no filter, newest fecha_creacion first, ties by id', async () => {
      const pagina = await lista();
      expect(pagina.total).toBe(creadas.length);
      expect(ids(pagina.items)).toEqual(idsDe(() => true));
      expect(pagina.items.map((r) => r.id)).toEqual([...pagina.items].sort(porCreacion).map((r) => r.id));
      for (const r of pagina.items) expect(Object.keys(r).sort()).toEqual(CAMPOS);
    });

    it('answers each item exactly as GET /reservas/{id} does', async () => {
      const pagina = await lista('?limit=500');
      for (const item of pagina.items) expect(item).toEqual(await reserva(item.id));
    });

    it('filters by estado', async () => {
      const aprobadas = await lista('?estado=APROBADA');
      expect(ids(aprobadas.items)).toEqual(idsDe((c) => c.esperado === 'APROBADA'));
      expect(aprobadas.total).toBe(aprobadas.items.length);
      const canceladas = await lista('?estado=CANCELADA');
      expect(ids(canceladas.items)).toEqual(idsDe((c) => c.esperado === 'CANCELADA'));
      expect(canceladas.items.every((r) => r.estado === 'CANCELADA')).toBe(true);
    });

    it('filters by id_cliente', async () => {
      const deA = await lista(`?id_cliente=${clienteA}`);
      expect(ids(deA.items)).toEqual(idsDe((c) => c.id_cliente === clienteA));
      expect(deA.total).toBe(4);
      expect(ids((await lista(`?id_cliente=${DESCONOCIDO}`)).items)).toEqual(idsDe((c) => c.id_cliente === DESCONOCIDO));
    });

    it('combines both filters', async () => {
      const pagina = await lista(`?estado=CANCELADA&id_cliente=${clienteB}`);
      expect(ids(pagina.items)).toEqual(idsDe((c) => c.id_cliente === clienteB && c.esperado === 'CANCELADA'));
      expect(pagina.total).toBe(1);
      const aprobadasDeB = await lista(`?id_cliente=${clienteB}&estado=APROBADA`);
      expect(aprobadasDeB.total).toBe(2);
      expect(aprobadasDeB.items.map((r) => r.id)).toEqual([...aprobadasDeB.items].sort(porCreacion).map((r) => r.id));
    });

    it('answers an empty page when nothing matches', async () => {
      expect(await lista('?estado=PENDIENTE')).toEqual({ items: [], total: 0 });
      expect(await lista('?id_cliente=nadie')).toEqual({ items: [], total: 0 });
      expect(await lista(`?estado=APROBADA&id_cliente=${DESCONOCIDO}`)).toEqual({ items: [], total: 0 });
    });

    it('pages with limit and offset, every page telling the same total', async () => {
      const todas = await lista('?limit=500');
      expect(todas.total).toBeGreaterThan(6);
      const offsets = Array.from({ length: Math.ceil(todas.total / 3) + 1 }, (_, i) => i * 3);
      const paginas = await Promise.all(offsets.map((offset) => lista(`?limit=3&offset=${offset}`)));
      expect(paginas.map((p) => p.total)).toEqual(offsets.map(() => todas.total));
      expect(paginas.map((p) => p.items.length)).toEqual(offsets.map((o) => Math.max(0, Math.min(3, todas.total - o))));
      expect(paginas.flatMap((p) => p.items)).toEqual(todas.items);
      expect(await lista(`?limit=1&offset=${todas.total - 1}`)).toEqual({ items: [todas.items.at(-1)], total: todas.total });
      expect(await lista('?offset=500')).toEqual({ items: [], total: todas.total });
      expect((await lista('?estado=APROBADA&limit=2')).items).toEqual(todas.items.filter((r) => r.estado === 'APROBADA').slice(0, 2));
    });

    it.each([
      ['an unknown estado', '?estado=PERDIDA', 'estado'],
      ['a lower-case estado', '?estado=aprobada', 'estado'],
      ['limit 0', '?limit=0', 'limit'],
      ['limit 501', '?limit=501', 'limit'],
      ['limit "abc"', '?limit=abc', 'limit'],
      ['a fractional limit', '?limit=1.5', 'limit'],
      ['a negative offset', '?offset=-1', 'offset'],
      ['an unknown parameter', '?orden=asc', 'orden'],
    ])('answers 400 problem+json for %s, naming the field', async (_caso, query, campo) => {
      const body = await problema(`/reservas${query}`, 400);
      expect(body.errors?.map((e) => e.campo)).toContain(campo);
    });
  });

  describe('GET /reservas/{id}/eventos', () => {
    it('answers an approved reserva’s stream oldest first, with version, tipo, ocurrido_en and datos', async () => {
      const aprobada = creadas.find((c) => c.id_cliente === clienteA && c.esperado === 'APROBADA')!;
      const stream = await eventos(aprobada.id_reserva);
      expect(stream.map((e) => [e.version, e.tipo])).toEqual([
        [1, 'ReservaCreada'],
        [2, 'ReservaPagada'],
        [3, 'ReservaConfirmada'],
        [4, 'ReservaAprobada'],
      ]);
      for (const e of stream) expect(Object.keys(e).sort()).toEqual(['datos', 'ocurrido_en', 'tipo', 'version']);
      expect(stream.map((e) => e.ocurrido_en)).toEqual(stream.map((e) => e.ocurrido_en).sort());
      for (const e of stream) expect(e.ocurrido_en).toMatch(ISO);
      expect(stream[0].datos).toEqual({
        id_reserva: aprobada.id_reserva,
        id_cliente: clienteA,
        itinerarios: aprobada.cuerpo.itinerarios,
        monto: aprobada.cuerpo.pago.monto,
        moneda: 'COP',
      });
      expect(stream[1].datos).toEqual({ id_pago: expect.any(String) });
      expect(stream[2].datos).toEqual({ localizador: expect.stringMatching(/^[A-Z0-9]{6}$/) });
      expect(stream[3].datos).toEqual({});

      const actual = await reserva(aprobada.id_reserva);
      expect({ version: actual.version, fecha_creacion: actual.fecha_creacion, fecha_actualizacion: actual.fecha_actualizacion }).toEqual({
        version: 4,
        fecha_creacion: stream[0].ocurrido_en,
        fecha_actualizacion: stream[3].ocurrido_en,
      });
    });

    it('answers a cancelled reserva’s stream ending in ReservaCancelada with its motivo', async () => {
      const declinada = creadas.find((c) => c.id_cliente === clienteA && c.esperado === 'CANCELADA')!;
      const stream = await eventos(declinada.id_reserva);
      expect(stream.map((e) => e.tipo)).toEqual(['ReservaCreada', 'ReservaCancelada']);
      expect(stream[1]).toMatchObject({ version: 2, datos: { motivo: expect.any(String) } });
    });

    it('answers 404 problem+json for an unknown id', async () => {
      await problema(`/reservas/${DESCONOCIDO}/eventos`, 404);
    });
  });

  describe('GET /reservas/{id}?en= (time travel)', () => {
    it('answers 404 for an instant before the reserva existed', async () => {
      const r = await reserva(creadas[0].id_reserva);
      const antes = new Date(Date.parse(r.fecha_creacion) - 1).toISOString();
      await problema(`/reservas/${r.id}?en=${antes}`, 404);
      await problema(`/reservas/${r.id}?en=2000-01-01T00:00:00Z`, 404);
    });

    it('answers the reserva as it was at each event, and between events', async () => {
      const aprobada = creadas.find((c) => c.esperado === 'APROBADA')!;
      const stream = await eventos(aprobada.id_reserva);
      const actual = await reserva(aprobada.id_reserva);
      /** What the stream says the reserva was at `en`: the events at or before it. */
      const segun = (en: number) => {
        const hasta = stream.filter((e) => Date.parse(e.ocurrido_en) <= en);
        return { estado: ESTADO_TRAS[hasta.at(-1)!.tipo], version: hasta.length, fecha_actualizacion: hasta.at(-1)!.ocurrido_en };
      };
      const instantes = stream.map((e) => Date.parse(e.ocurrido_en));
      for (let i = 0; i < instantes.length - 1; i += 1) {
        if (instantes[i + 1] - instantes[i] >= 2) instantes.push(Math.floor((instantes[i] + instantes[i + 1]) / 2));
      }
      const vistos = new Set<string>();
      for (const en of instantes) {
        const res = await api.get<Reserva>('aeroalpes', `/reservas/${aprobada.id_reserva}?en=${new Date(en).toISOString()}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ...actual, ...segun(en) });
        vistos.add(res.body.estado);
      }
      expect([...vistos].sort()).toEqual(['APROBADA', 'CONFIRMADA', 'PAGADA', 'PENDIENTE']);
    });

    it('answers the current reserva for an instant after its last event', async () => {
      const c = creadas.find((x) => x.esperado === 'CANCELADA')!;
      expect((await api.get<Reserva>('aeroalpes', `/reservas/${c.id_reserva}?en=2100-01-01T00:00:00.000Z`)).body).toEqual(
        await reserva(c.id_reserva),
      );
    });

    it.each(['ayer', '2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '1700000000000'])('answers 400 problem+json for en=%s', async (en) => {
      const body = await problema(`/reservas/${creadas[0].id_reserva}?en=${encodeURIComponent(en)}`, 400);
      expect(body.errors?.map((e) => e.campo)).toEqual(['en']);
    });
  });

  describe('GET /reservas/pivote', () => {
    /** The pivot the list implies: reservas by UTC day of creation and current estado. */
    async function pivoteEsperado(): Promise<Pivote['filas']> {
      const porDia = new Map<string, Record<Estado, number>>();
      for (const r of (await lista('?limit=500')).items) {
        const dia = r.fecha_creacion.slice(0, 10);
        const conteos = porDia.get(dia) ?? (Object.fromEntries(ESTADOS.map((e) => [e, 0])) as Record<Estado, number>);
        conteos[r.estado] += 1;
        porDia.set(dia, conteos);
      }
      return [...porDia].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fecha, conteos]) => ({ fecha, conteos }));
    }

    it('counts today’s reservas by current estado, with every estado key present', async () => {
      const esperado = await pivoteEsperado();
      const desde = esperado[0].fecha;
      const hasta = esperado.at(-1)!.fecha;
      const res = await api.get<Pivote>('aeroalpes', `/reservas/pivote?desde=${desde}&hasta=${hasta}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ estados: ESTADOS, filas: esperado });
      for (const fila of res.body.filas) expect(Object.keys(fila.conteos).sort()).toEqual([...ESTADOS].sort());
      const hoy = new Date().toISOString().slice(0, 10);
      const filaDeHoy = res.body.filas.find((f) => f.fecha === hoy)!;
      expect(filaDeHoy.conteos).toMatchObject({ PENDIENTE: 0, PAGADA: 0, CONFIRMADA: 0 });
      expect(res.body.filas.reduce((n, f) => n + f.conteos.APROBADA + f.conteos.CANCELADA, 0)).toBe(creadas.length);
    });

    it('answers the same without a range, and no rows for a range without reservas', async () => {
      expect((await api.get<Pivote>('aeroalpes', '/reservas/pivote')).body).toEqual({ estados: ESTADOS, filas: await pivoteEsperado() });
      expect((await api.get<Pivote>('aeroalpes', '/reservas/pivote?desde=2000-01-01&hasta=2000-12-31')).body).toEqual({
        estados: ESTADOS,
        filas: [],
      });
      expect((await api.get<Pivote>('aeroalpes', '/reservas/pivote?desde=2999-01-01')).body.filas).toEqual([]);
    });

    it.each([
      ['desde=2026-02-30', 'desde'],
      ['desde=hoy', 'desde'],
      ['desde=2026-1-01', 'desde'],
      ['hasta=2026-12-01T00:00:00Z', 'hasta'],
      ['desde=2026-12-02&hasta=2026-12-01', 'hasta'],
    ])('answers 400 problem+json for %s', async (query, campo) => {
      const body = await problema(`/reservas/pivote?${query}`, 400);
      expect(body.errors?.map((e) => e.campo)).toContain(campo);
    });
  });

  describe('rebuilding a projection while it is read', () => {
    it('keeps answering the list, byte for byte the same, before, during and after the switch to the other copy', async () => {
      await eventually(async () => expect(await proyeccion('reservas_lista')).toMatchObject({ retraso: 0, reconstruyendo: false }));
      const inicial = await proyeccion('reservas_lista');
      const antes = await crudo('/reservas?limit=500');
      expect(antes.status).toBe(200);
      const pivoteAntes = await crudo('/reservas/pivote');
      const unaReserva = await crudo(`/reservas/${creadas[0].id_reserva}`);

      // Three readers, from before the rebuild is asked for until the switch is seen (and at least 30 reads).
      let leyendo = true;
      const respuestas: Array<{ status: number; text: string }> = [];
      const lectores = Promise.all(
        [1, 2, 3].map(async () => {
          while (leyendo || respuestas.length < 30) respuestas.push(await crudo('/reservas?limit=500'));
        }),
      );

      const res = await api.send<{ nombre: string; estado: string }>('aeroalpes', 'POST', '/admin/proyecciones/reservas_lista/reconstruir');
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ nombre: 'reservas_lista', estado: 'RECONSTRUYENDO' });
      const final = await eventually(async () => {
        const p = await proyeccion('reservas_lista');
        expect(p).toMatchObject({ reconstruyendo: false, copia_activa: inicial.copia_activa === 'a' ? 'b' : 'a' });
        return p;
      }, 20000);
      leyendo = false;
      await lectores;

      expect(final).toMatchObject({ retraso: 0, posicion: inicial.posicion });
      expect(respuestas.length).toBeGreaterThan(0);
      expect(respuestas.filter((r) => r.status !== 200)).toEqual([]);
      expect(respuestas.filter((r) => r.text !== antes.text)).toEqual([]);
      expect((await crudo('/reservas?limit=500')).text).toBe(antes.text);
      expect((await crudo(`/reservas/${creadas[0].id_reserva}`)).text).toBe(unaReserva.text);
      expect((await crudo('/reservas/pivote')).text).toBe(pivoteAntes.text);
      expect(await proyeccion('reservas_pivote')).toMatchObject({ copia_activa: 'a', reconstruyendo: false });
    }, 60000);

    it('rebuilds the pivot too, answering the same pivot afterwards', async () => {
      const antes = await crudo('/reservas/pivote');
      const inicial = await proyeccion('reservas_pivote');
      expect((await api.send('aeroalpes', 'POST', '/admin/proyecciones/reservas_pivote/reconstruir')).status).toBe(202);
      await eventually(
        async () =>
          expect(await proyeccion('reservas_pivote')).toMatchObject({
            reconstruyendo: false,
            copia_activa: inicial.copia_activa === 'a' ? 'b' : 'a',
          }),
        20000,
      );
      expect((await crudo('/reservas/pivote')).text).toBe(antes.text);
    }, 30000);

    it('projects reservas created after a rebuild into the copy now in use', async () => {
      const cliente = (await api.registrarCliente()).id;
      const nueva = await crear(cliente, 'APROBADA', { destino: 'PEI' });
      await sagaTerminada(nueva.id_saga);
      const r = await eventually(async () => {
        const actual = await reserva(nueva.id_reserva);
        expect(actual.estado).toBe('APROBADA');
        return actual;
      });
      expect((await lista(`?id_cliente=${cliente}`)).items).toEqual([r]);
      expect((await lista()).total).toBe(creadas.length);
    }, 60000);

    it('never answers a 5xx when two rebuilds are asked for at once: each is accepted (202) or refused as already running (409)', async () => {
      const antes = await crudo('/reservas?limit=500');
      const pedidos = await Promise.all([1, 2].map(() => api.send('aeroalpes', 'POST', '/admin/proyecciones/reservas_lista/reconstruir')));
      const statuses = pedidos.map((p) => p.status);
      for (const s of statuses) expect([202, 409]).toContain(s);
      expect(statuses).toContain(202);
      await eventually(async () => expect(await proyeccion('reservas_lista')).toMatchObject({ reconstruyendo: false, retraso: 0 }), 20000);
      expect((await crudo('/reservas?limit=500')).text).toBe(antes.text);
    }, 30000);

    it('answers 404 problem+json for an unknown projection', async () => {
      const res = await api.send<{ status: number; detail: string }>('aeroalpes', 'POST', '/admin/proyecciones/no_existe/reconstruir');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain('no_existe');
    });
  });
});
