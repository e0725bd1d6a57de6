import { randomUUID } from 'node:crypto';
import type { ServiceName, Suite } from './suite.js';

/** Small HTTP helpers over the public API, as a user would call it. */
export class Api {
  constructor(private readonly suite: Suite) {}

  async get<T = unknown>(service: ServiceName, path: string): Promise<{ status: number; body: T }> {
    const res = await fetch(this.suite.url(service, path));
    return { status: res.status, body: (await res.json()) as T };
  }

  async send<T = unknown>(
    service: ServiceName,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(this.suite.url(service, path), {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  async registrarCliente(estado: 'ACTIVO' | 'INACTIVO' = 'ACTIVO'): Promise<{ id: string; email: string }> {
    const email = `pasajero.${randomUUID().slice(0, 8)}@example.com`;
    const created = await this.send<{ id: string }>('cliente', 'POST', '/clientes', { nombres: 'Ana', apellidos: 'Pérez', email });
    if (created.status !== 201) throw new Error(`POST /clientes answered ${created.status}: ${JSON.stringify(created.body)}`);
    if (estado === 'INACTIVO') await this.send('cliente', 'POST', `/clientes/${created.body.id}/desactivar`);
    return { id: created.body.id, email };
  }

  async crearReserva(body: object, idempotencyKey?: string): Promise<{ id_reserva: string; id_saga: string }> {
    const res = await this.send<{ id_reserva: string; id_saga: string }>(
      'aeroalpes',
      'POST',
      '/reservas',
      body,
      idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    );
    if (res.status !== 202) throw new Error(`POST /reservas answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async cupos(origen: string, destino: string, fecha: string): Promise<number> {
    const res = await this.get<{ cupos: number }>(
      'integracion-gds',
      `/gds/disponibilidad?origen=${origen}&destino=${destino}&fecha=${fecha}`,
    );
    return res.body.cupos;
  }

  async fijarCupos(origen: string, destino: string, fecha: string, cupos: number): Promise<void> {
    const res = await this.send('integracion-gds', 'PUT', '/gds/disponibilidad', { origen, destino, fecha, cupos });
    if (res.status !== 200) throw new Error(`PUT /gds/disponibilidad answered ${res.status}`);
  }
}

/** A reserva request as API.md shows it, on one leg of the given route and day. */
export function solicitud(
  id_cliente: string,
  opciones: { token?: string; origen?: string; destino?: string; fecha?: string; monto?: number } = {},
) {
  const { token = 'tok_ok', origen = 'BOG', destino = 'MDE', fecha = '2026-12-01', monto = 450000 } = opciones;
  return {
    id_cliente,
    itinerarios: [
      {
        odos: [
          {
            segmentos: [
              {
                legs: [
                  {
                    fecha_salida: `${fecha}T10:00:00Z`,
                    fecha_llegada: `${fecha}T11:05:00Z`,
                    origen: { codigo: origen, nombre: `Aeropuerto ${origen}` },
                    destino: { codigo: destino, nombre: `Aeropuerto ${destino}` },
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    pago: { monto, moneda: 'COP', token },
  };
}
