import { sql, type Kysely } from 'kysely';

/*
 * The links of cases and members to their household may be checked at commit (DEFERRABLE, still
 * INITIALLY IMMEDIATE: nothing changes unless a transaction asks). Opening cases in bulk writes the
 * cases first and the households last: inserting households bumps the agency's stamp row, whose lock
 * is held to the commit, so two import chunks written side by side now wait for each other only for
 * the households, not for the whole chunk.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN
        SELECT con.conname, rel.relname FROM pg_constraint con
          JOIN pg_class rel ON rel.oid = con.conrelid
          JOIN pg_class ref ON ref.oid = con.confrelid
        WHERE con.contype = 'f' AND ref.relname = 'households' AND rel.relname IN ('prevention_cases', 'household_members')
          AND rel.relnamespace = 'public'::regnamespace
      LOOP
        EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', c.relname, c.conname);
      END LOOP;
    END $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The deferrable household links migration is not reversible.');
}
