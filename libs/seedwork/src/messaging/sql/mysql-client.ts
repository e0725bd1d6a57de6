import mysql from 'mysql2/promise';
import type { ExecResult, Row, SqlClient } from './sql-client.js';

type Queryable = mysql.Pool | mysql.PoolConnection;

/** mysql2's pool for MySQL 8 and MariaDB. */
export class MysqlClient implements SqlClient {
  readonly dialect = 'mysql' as const;

  private constructor(
    private readonly pool: mysql.Pool,
    private readonly connection?: mysql.PoolConnection,
  ) {}

  static async open(url: string, database: string): Promise<MysqlClient> {
    const server = new URL(url);
    server.pathname = '/';
    const admin = await mysql.createConnection({ uri: server.toString(), connectTimeout: 5000 });
    try {
      await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } finally {
      await admin.end();
    }
    const pool = mysql.createPool({ uri: url, connectionLimit: 10, supportBigNumbers: true, bigNumberStrings: false, timezone: 'Z' });
    return new MysqlClient(pool);
  }

  private get target(): Queryable {
    return this.connection ?? this.pool;
  }

  async all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const [rows] = await this.target.query(sql, params as unknown[]);
    return rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<ExecResult> {
    const [result] = await this.target.query(sql, params as unknown[]);
    const header = result as mysql.ResultSetHeader;
    return { affected: header.affectedRows, insertId: header.insertId };
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.connection) return work(this);
    const connection = await this.pool.getConnection();
    try {
      await connection.beginTransaction();
      const result = await work(new MysqlClient(this.pool, connection));
      await connection.commit();
      return result;
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  async close(): Promise<void> {
    if (!this.connection) await this.pool.end();
  }
}
