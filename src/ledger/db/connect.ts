import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type pg from 'pg';
import { InputError } from '../../errors.js';
import type { LedgerTables } from './schema.js';
import { migrateToLatest } from './migrations.js';
import { isRetryable } from './tx.js';

export type Engine = 'sqlite' | 'postgres';

export interface Ledger {
  db: Kysely<LedgerTables>;
  engine: Engine;
  /** PostgreSQL: the schema the ledger lives in */
  schema?: string;
  /** what it is, for messages: the file path or the URL without password */
  where: string;
  close(): Promise<void>;
}

/** The default ledger: one SQLite file in the working folder. */
export const DEFAULT_DB = 'sitrep.db';

const require = createRequire(import.meta.url);

/** True for a PostgreSQL URL (postgres:// or postgresql://). */
export const isPostgresUrl = (target: string) => /^postgres(?:ql)?:\/\//i.test(target);

/**
 * Opens (and creates or migrates) a ledger: a SQLite file path (optionally `sqlite:PATH`), or a
 * PostgreSQL URL. A `schema=NAME` query parameter of the URL puts the ledger in that schema.
 */
export async function openLedger(target: string = DEFAULT_DB, opts: { migrate?: boolean } = {}): Promise<Ledger> {
  const ledger = isPostgresUrl(target) ? await openPostgres(target) : openSqlite(target.replace(/^sqlite:/i, ''));
  if (opts.migrate !== false) {
    try {
      // two processes opening a new ledger at once: one migrates, the other waits and retries
      for (let attempt = 1; ; attempt++) {
        try {
          await migrateToLatest(ledger.db, ledger.engine, ledger.schema);
          break;
        } catch (e) {
          // Kysely takes no migration lock on SQLite: the loser of a race finds the tables made
          if (attempt >= 20 || !(isRetryable(e) || /already exists/i.test((e as Error).message))) throw e;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
    } catch (e) {
      await ledger.close();
      throw e;
    }
  }
  return ledger;
}

function openSqlite(path: string): Ledger {
  // libsql: SQLite with a better-sqlite3 API whose binary ships in its npm package (no compile step)
  const Database = require('libsql') as new (path: string) => SqliteHandle;
  let handle: SqliteHandle;
  try {
    handle = new Database(path);
  } catch (e) {
    throw new InputError(`${path}: cannot open the ledger (${(e as Error).message})`);
  }
  // WAL: readers never block the writer, and two ingest processes can share the file;
  // synchronous=NORMAL in WAL mode loses nothing on a process crash (kill -9), only on power loss.
  // the timeout first: switching a new file to WAL needs a lock another process may hold
  handle.exec('pragma busy_timeout = 30000');
  for (let attempt = 1; ; attempt++) {
    try {
      handle.exec('pragma journal_mode = WAL');
      break;
    } catch (e) {
      if (attempt >= 50 || !/locked|busy/i.test((e as Error).message)) throw e;
      sleepSync(100);
    }
  }
  handle.exec('pragma synchronous = NORMAL');
  handle.exec('pragma foreign_keys = ON');
  const db = new Kysely<LedgerTables>({ dialect: new ImmediateSqliteDialect({ database: handle as never }) });
  return { db, engine: 'sqlite', where: resolve(path), close: () => db.destroy() };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface SqliteHandle {
  exec(sql: string): unknown;
  close(): void;
}

/**
 * SQLite transactions that take the write lock at BEGIN: a deferred transaction that reads and
 * then writes can fail with SQLITE_BUSY when another process wrote in between, whatever the timeout.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  /** SQLite runs DDL in transactions: migrations are then all-or-nothing and serialised between processes. */
  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    Object.defineProperty(adapter, 'supportsTransactionalDdl', { get: () => true });
    return adapter;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (conn: DatabaseConnection) => {
      await conn.executeQuery({ sql: 'begin immediate', parameters: [], query: { kind: 'RawNode' } } as unknown as CompiledQuery);
    };
    return driver;
  }
}

async function openPostgres(target: string): Promise<Ledger> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new InputError(`--db: not a valid PostgreSQL URL: ${target}`, 2);
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new InputError(`--db: schema "${schema}" is not a plain SQL name`, 2);
  // loaded here: commands that never touch PostgreSQL do not pay for it
  const { Pool } = require('pg') as typeof pg;
  const pool = new Pool({
    connectionString: url.toString(),
    max: 4,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const shown = redact(url, schema);
  let current = schema ?? 'public';
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists "${schema}"`);
      else current = (await client.query('select current_schema() as s')).rows[0]?.s ?? 'public';
    } catch (e) {
      // 42P06 / 23505: another process created it at the same moment, which is fine
      if (!['42P06', '23505'].includes((e as { code?: string }).code ?? '')) throw e;
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw new InputError(`${shown}: cannot connect to PostgreSQL (${(e as Error).message})`);
  }
  const db = new Kysely<LedgerTables>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', schema: current, where: shown, close: () => db.destroy() };
}

function redact(url: URL, schema: string | null): string {
  const u = new URL(url.toString());
  if (u.password) u.password = '***';
  if (schema) u.searchParams.set('schema', schema);
  return u.toString();
}
