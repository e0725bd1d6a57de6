/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

export interface ExecResult {
  affected: number;
  insertId?: number;
}

/** What the SQL message log needs from a database: plain statements and short transactions. */
export interface SqlClient {
  readonly dialect: 'sqlite' | 'mysql';
  all<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<ExecResult>;
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE on SQLite) and commits it. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
