/** States of a saga and of its steps, as API.md names them. */
export type SagaEstado = 'EN_CURSO' | 'COMPENSANDO' | 'COMPLETADA' | 'COMPENSADA' | 'FALLIDA';
export type PasoEstado = 'PENDIENTE' | 'EN_CURSO' | 'EXITOSO' | 'FALLIDO' | 'COMPENSANDO' | 'COMPENSADO' | 'OMITIDO';

export type SagaLogTipo =
  | 'SAGA_INICIADA'
  | 'COMANDO_ENVIADO'
  | 'EVENTO_RECIBIDO'
  | 'PASO_EXPIRADO'
  | 'COMPENSACION_ENVIADA'
  | 'COMPENSACION_REINTENTADA'
  | 'COMPENSACION_AGOTADA'
  | 'RESPUESTA_TARDIA'
  | 'RESPUESTA_DUPLICADA'
  | 'REINTENTO_MANUAL'
  | 'SAGA_TERMINADA';

export interface PasoInstancia {
  nombre: string;
  participante: string;
  estado: PasoEstado;
  /** Sends of the step's current action (its command, or its compensation once compensating). */
  intentos: number;
  iniciado_en: string | null;
  terminado_en: string | null;
  error: string | null;
  /** Id of the last message sent for the step. */
  id_mensaje: string | null;
  /** Epoch ms by which a reply is due, while the step waits for one. */
  vence_en: number | null;
}

export interface SagaLogEntry {
  en: string;
  tipo: SagaLogTipo;
  mensaje: string;
  id_mensaje: string | null;
}

export interface SagaInstance<TData> {
  id: string;
  tipo: string;
  /** The aggregate the saga is about (the reserva's id). */
  referencia: string;
  estado: SagaEstado;
  paso_actual: string | null;
  datos: TData;
  pasos: PasoInstancia[];
  iniciada_en: string;
  terminada_en: string | null;
  /** Optimistic-locking version: 0 until first stored. */
  version: number;
}

export const SAGA_ESTADOS: readonly SagaEstado[] = ['EN_CURSO', 'COMPENSANDO', 'COMPLETADA', 'COMPENSADA', 'FALLIDA'];

/** The earliest deadline among the saga's steps, or null when nothing is awaited. */
export function proximoVencimiento(saga: SagaInstance<unknown>): number | null {
  const vencimientos = saga.pasos.map((p) => p.vence_en).filter((v): v is number => v !== null);
  return vencimientos.length > 0 ? Math.min(...vencimientos) : null;
}
