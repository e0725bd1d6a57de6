// The five services, their default ports and compiled entry points. Shared by the start script and tests.
export const SERVICES = [
  { name: 'aeroalpes', port: 3000 },
  { name: 'cliente', port: 3001 },
  { name: 'pagos', port: 3002 },
  { name: 'integracion-gds', port: 3003 },
  { name: 'notificaciones', port: 3004 },
].map((s) => ({ ...s, entry: `dist/apps/${s.name}/src/main.js`, portVariable: `${s.name.toUpperCase().replace(/-/g, '_')}_PORT` }));
