// npm run proyecciones:reconstruir -- <nombre>
// Asks a running aeroalpes to rebuild a projection from the event store (POST
// /admin/proyecciones/<nombre>/reconstruir), then follows it until the rebuilt copy is switched in.
// Reads keep being served meanwhile. AEROALPES_URL (default http://localhost:${AEROALPES_PORT:-3000}).
const nombre = process.argv[2];
const base = process.env.AEROALPES_URL ?? `http://localhost:${process.env.AEROALPES_PORT ?? 3000}`;
if (!nombre) {
  console.error('usage: npm run proyecciones:reconstruir -- <reservas_lista|reservas_pivote>');
  process.exit(2);
}

async function estado() {
  const res = await fetch(`${base}/admin/proyecciones`);
  return (await res.json()).find((p) => p.nombre === nombre);
}

try {
  const antes = await estado();
  const started = Date.now();
  const res = await fetch(`${base}/admin/proyecciones/${encodeURIComponent(nombre)}/reconstruir`, { method: 'POST' });
  const body = await res.json();
  if (res.status !== 202) {
    console.error(`${res.status} ${body.title ?? ''}: ${body.detail ?? JSON.stringify(body)}`);
    process.exit(1);
  }
  console.log(`rebuilding ${nombre} from position 0 (live copy ${antes?.copia_activa} stays served)…`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await estado();
    if (!now.reconstruyendo) {
      console.log(
        `${nombre}: switched to copy ${now.copia_activa} at position ${now.posicion} (lag ${now.retraso}) after ${Date.now() - started} ms`,
      );
      break;
    }
  }
} catch (error) {
  console.error(`cannot reach aeroalpes at ${base}: ${error.cause?.code ?? error.message} (is it running? set AEROALPES_URL)`);
  process.exit(1);
}
