import { Entity } from '#seedwork/domain';
import type { LegGds } from './clave-inventario.js';
import type { EstadoReservaGds, MotivoFallo } from './estado-reserva-gds.js';

export interface ReservaGdsSnapshot {
  id_reserva: string;
  /** Given on confirmation; null for a RECHAZADA reserva. */
  localizador: string | null;
  estado: EstadoReservaGds;
  /** Why it was RECHAZADA; null otherwise. */
  motivo: MotivoFallo | null;
  legs: LegGds[];
  creado_en: string;
  actualizado_en: string;
}

/** What a ConfirmarReserva is answered with, the first time and every time after. */
export type ResultadoConfirmacion = { confirmada: true; localizador: string } | { confirmada: false; motivo: MotivoFallo };

/** A reserva as the GDS knows it: confirmed with a localizador, rejected, or reverted. */
export class ReservaGds extends Entity<string> {
  private constructor(private state: ReservaGdsSnapshot) {
    super(state.id_reserva);
  }

  static confirmada(id_reserva: string, legs: readonly LegGds[], localizador: string, ahora = new Date()): ReservaGds {
    const en = ahora.toISOString();
    return new ReservaGds({
      id_reserva,
      localizador,
      estado: 'CONFIRMADA',
      motivo: null,
      legs: [...legs],
      creado_en: en,
      actualizado_en: en,
    });
  }

  static rechazada(id_reserva: string, legs: readonly LegGds[], motivo: MotivoFallo, ahora = new Date()): ReservaGds {
    const en = ahora.toISOString();
    return new ReservaGds({
      id_reserva,
      localizador: null,
      estado: 'RECHAZADA',
      motivo,
      legs: [...legs],
      creado_en: en,
      actualizado_en: en,
    });
  }

  static restaurar(snapshot: ReservaGdsSnapshot): ReservaGds {
    return new ReservaGds({ ...snapshot, legs: [...snapshot.legs] });
  }

  get estado(): EstadoReservaGds {
    return this.state.estado;
  }

  get legs(): readonly LegGds[] {
    return this.state.legs;
  }

  /** The answer to ConfirmarReserva: confirmed with its localizador, or failed with a motivo. */
  get resultado(): ResultadoConfirmacion {
    const { estado, localizador, motivo } = this.state;
    if (estado === 'CONFIRMADA' && localizador) return { confirmada: true, localizador };
    return { confirmada: false, motivo: estado === 'REVERTIDA' ? 'CONFIRMACION_REVERTIDA' : (motivo ?? 'SIN_CUPO') };
  }

  /** CONFIRMADA → REVERTIDA (its seats are to be given back); false, changing nothing, otherwise. */
  revertir(ahora = new Date()): boolean {
    if (this.state.estado !== 'CONFIRMADA') return false;
    this.state = { ...this.state, estado: 'REVERTIDA', actualizado_en: ahora.toISOString() };
    return true;
  }

  snapshot(): ReservaGdsSnapshot {
    return { ...this.state, legs: [...this.state.legs] };
  }
}
