/** Topics as in the course: one command topic and one event topic per service. */
export const TOPICOS = {
  comandosAeroalpes: 'comandos-aeroalpes',
  eventosAeroalpes: 'eventos-aeroalpes',
  comandosCliente: 'comandos-cliente',
  eventosCliente: 'eventos-cliente',
  comandosPagos: 'comandos-pagos',
  eventosPagos: 'eventos-pagos',
  comandosGds: 'comandos-integracion-gds',
  eventosGds: 'eventos-integracion-gds',
} as const;
