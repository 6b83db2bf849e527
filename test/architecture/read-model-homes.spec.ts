/**
 * One home per read model (docs/architecture.md, "Read models"): every query against a read
 * model's tables lives in libs/projections/src/<read-model>/, and each folder's tables.ts names
 * the columns the migrations actually leave.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { query, type Database } from '@registry/database';
import { deliberationIndexTables, deliveryLedgerTables, outputReleaseTables, reminderOutboxTables } from '@registry/projections';
import { allMigrations } from '../../migrations/index.js';
import { openTestDatabase } from '../support/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** SQL that reads or writes a read-model table (rm_*) or the outbox. */
const READ_MODEL_SQL = /\b(FROM|JOIN|UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+(rm_\w+|outbox)\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line` of every line under `dir` that runs SQL against a read model. */
function readModelSqlUnder(dir: string): string[] {
  return sourceFiles(dir).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (READ_MODEL_SQL.test(line) ? [`${relative(dir, file)}:${i + 1}`] : [])),
  );
}

describe('read-model SQL stays in libs/projections', () => {
  it('no file under apps/ runs SQL against a read-model table or the outbox', () => {
    expect(readModelSqlUnder(join(ROOT, 'apps'))).toEqual([]);
  });

  it('the check finds a planted query (so the test above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-model-sql-'));
    try {
      mkdirSync(join(dir, 'releases'));
      writeFileSync(join(dir, 'releases/planted.ts'), "export const planted = 'SELECT id FROM rm_deliveries WHERE id = $1';\n");
      writeFileSync(join(dir, 'releases/clean.ts'), "export const clean = 'SELECT 1 FROM idempotency_keys';\n");
      expect(readModelSqlUnder(dir)).toEqual(['releases/planted.ts:1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("each read model's tables.ts", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  const homes = { deliberationIndexTables, deliveryLedgerTables, outputReleaseTables, reminderOutboxTables };

  it.each(Object.entries(homes))('%s names the columns of its tables as migrated', async (_, home) => {
    for (const [table, columns] of Object.entries(home.tables)) {
      const rows = await query<{ column_name: string }>(
        db.dataSource,
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      expect(rows.map((r) => r.column_name)).toEqual([...columns]);
    }
  });

  it.each(Object.entries(homes))('%s names migrations that exist', (_, home) => {
    const names = allMigrations.map((m) => m.name);
    for (const migration of home.migrations) expect(names).toContain(migration);
  });

  it('every rm_* table and the outbox has a home', async () => {
    const rows = await query<{ table_name: string }>(
      db.dataSource,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND (table_name LIKE 'rm\\_%' OR table_name = 'outbox')`,
    );
    const homed = Object.values(homes).flatMap((h) => Object.keys(h.tables));
    expect(rows.map((r) => r.table_name).sort()).toEqual(homed.sort());
  });
});
