/**
 * Schema versions and opening a database across them.
 *
 * ## Adding the next version
 *
 * A released version is never edited. To change the schema, append an entry to
 * `schemaVersions` in `database.ts` naming only the tables that change (a
 * table set to `null` is deleted), with an `upgrade` that rewrites existing
 * records when their shape changes:
 *
 * ```ts
 * export const schemaVersions = [
 *   { version: 1, stores: schemaV1 },
 *   {
 *     version: 2,
 *     // a new index on counterparties and a new table
 *     stores: { counterparties: `${schemaV1.counterparties}, country`, attachments: 'id, [subjectType+subjectId]' },
 *     async upgrade(tx) {
 *       await tx.table('counterparties').toCollection().modify((counterparty) => { counterparty.country ??= 'UA'; });
 *     },
 *   },
 * ];
 * ```
 *
 * then declare the new table on `CrmDatabase`, extend `TableName` if a table
 * was added, and add a test that opens a database written by version 1
 * (`test/fixtures/v1-database.json`, see `test/store/migrations.test.ts`) with
 * the new code and finds every record.
 *
 * A derived table (`derivedTableNames`, e.g. `dealStageTotals` from version 4)
 * is kept by the database itself (a DBCore middleware updates it in the
 * transaction of every write to the table it is derived from): its version's
 * upgrade fills it from the existing records, operations never write it, and
 * backups leave it out (a restore rebuilds it). Backups name the schema version they
 * were written by (`currentSchemaVersion`); a restore accepts that version and
 * older ones.
 */
import type { Dexie } from 'dexie';
import { schemaVersions } from './database.js';
import { CrmError, toCrmError } from './errors.js';

/** One entry of `schemaVersions`: the version number, its store definitions and an optional upgrade. */
export type SchemaVersion = (typeof schemaVersions)[number];

/** The newest schema version this code declares (backups record it in their header). */
export const currentSchemaVersion: number = Math.max(...schemaVersions.map(({ version }) => version));

/**
 * Declares `versions` on a Dexie that is not open yet, in order, with their
 * upgrade functions: what `CrmDatabase`'s constructor does with
 * `schemaVersions`, and what a test does with a copy plus a trial version.
 */
export function declareSchemaVersions(db: Dexie, versions: readonly SchemaVersion[] = schemaVersions): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/** Databases whose upgrade is waiting for another connection to close. */
const blockedDatabases = new WeakSet<Dexie>();

/**
 * Opens `db` (running any pending upgrades). Dexie on its own waits, without
 * end, while another tab keeps an older version open and ignores the request
 * to close; this rejects instead with `CrmError` `UPGRADE_BLOCKED`, so the page
 * can ask the user to close the other tab. The upgrade still goes ahead as
 * soon as the other connection closes, and a later call then succeeds. Other
 * failures (quota, storage) come out as `CrmError`s too.
 */
export function openDatabase(db: Dexie): Promise<void> {
  const blocked = () => new CrmError('UPGRADE_BLOCKED', 'error.upgradeBlocked');
  if (blockedDatabases.has(db)) return Promise.reject(blocked());
  return new Promise<void>((resolve, reject) => {
    const onBlocked = (): void => {
      blockedDatabases.add(db);
      reject(blocked());
    };
    db.on('blocked', onBlocked);
    db.open()
      .then(
        () => resolve(),
        (error: unknown) => reject(toCrmError(error)),
      )
      .finally(() => {
        db.on.blocked.unsubscribe(onBlocked);
        blockedDatabases.delete(db);
      });
  });
}
