import type { SagaView } from '#seedwork';

/** A saga as API.md shows it. */
export function sagaResponse(saga: SagaView<unknown>) {
  return {
    id: saga.id,
    tipo: saga.tipo,
    id_reserva: saga.referencia,
    estado: saga.estado,
    paso_actual: saga.paso_actual,
    iniciada_en: saga.iniciada_en,
    terminada_en: saga.terminada_en,
    pasos: saga.pasos.map((p) => ({
      nombre: p.nombre,
      participante: p.participante,
      estado: p.estado,
      intentos: p.intentos,
      iniciado_en: p.iniciado_en,
      terminado_en: p.terminado_en,
      error: p.error,
    })),
    log: saga.log.map((l) => ({ en: l.en, tipo: l.tipo, mensaje: l.mensaje, id_mensaje: l.id_mensaje })),
  };
}
