import type { SagaDefinition } from './saga-definition.js';

/** A Mermaid flowchart of the saga, generated from its definition: forward path and compensations. */
export function sagaMermaid(definition: SagaDefinition<unknown>): string {
  const lines = ['flowchart TD', `  inicio([${definition.nombre}: inicio])`];
  const pasos = definition.pasos;
  pasos.forEach((p, i) => lines.push(`  p${i}["${i + 1}. ${p.nombre}<br/>${p.comando.type} → ${p.participante}"]`));
  lines.push('  completada([COMPLETADA])', '  compensada([COMPENSADA])');
  lines.push('  inicio --> p0');
  pasos.forEach((p, i) => {
    const next = i + 1 < pasos.length ? `p${i + 1}` : 'completada';
    lines.push(`  p${i} -- ${p.evento.type} --> ${next}`);
    const compensables = pasos
      .slice(0, i)
      .map((q, j) => ({ q, j }))
      .filter(({ q }) => q.compensacion);
    const target = compensables.length > 0 ? `c${compensables.at(-1)!.j}` : 'compensada';
    lines.push(`  p${i} -. "${p.error.type} / expira" .-> ${target}`);
  });
  const compensables = pasos.map((p, i) => ({ p, i })).filter(({ p }) => p.compensacion);
  compensables.forEach(({ p, i }, k) => {
    lines.push(`  c${i}{{"${p.compensacion!.comando.type} → ${p.participante}"}}`);
    const next = k > 0 ? `c${compensables[k - 1].i}` : 'compensada';
    lines.push(`  c${i} -- ${p.compensacion!.evento.type} --> ${next}`);
  });
  return lines.join('\n');
}

/** The definition as `GET /sagas/definicion` shows it. */
export function describeSaga(definition: SagaDefinition<unknown>) {
  return {
    nombre: definition.nombre,
    pasos: definition.pasos.map((p) => ({
      nombre: p.nombre,
      participante: p.participante,
      comando: p.comando.type,
      evento: p.evento.type,
      error: p.error.type,
      compensacion: p.compensacion ? { comando: p.compensacion.comando.type, evento: p.compensacion.evento.type } : null,
    })),
    mermaid: sagaMermaid(definition),
  };
}
