/** Injection token: the seats of a route and day never set (GDS_CUPOS_POR_DEFECTO). */
export const CUPOS_POR_DEFECTO = Symbol('CuposPorDefecto');
