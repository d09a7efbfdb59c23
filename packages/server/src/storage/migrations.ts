// The one set of SQL migrations, run in order at start on PGlite and PostgreSQL alike. Never edit a shipped
// migration: add the next one. Each runs in a transaction and is recorded in onward_migrations.
import type { Db } from './db.js';
import { LATER_MIGRATIONS } from './migrations-later.js';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'event log, projections, auth, audit, webhooks',
    sql: `
CREATE TABLE councils (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE teams (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  name text NOT NULL
);
CREATE INDEX teams_council ON teams (council_id);
CREATE TABLE users (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  role text NOT NULL,
  email text,
  name text NOT NULL,
  team_id text REFERENCES teams(id),
  young_person_id text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX users_council ON users (council_id);
CREATE TABLE credentials (
  user_id text PRIMARY KEY REFERENCES users(id),
  password_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The record: an append-only log per young person. Never updated or deleted (the trigger refuses it);
-- retention is handled by archiving the whole database after the retention date, see docs/deployment.md.
CREATE TABLE events (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  young_person_id text NOT NULL,
  sequence integer NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (young_person_id, sequence)
);
CREATE INDEX events_council ON events (council_id, at);
CREATE FUNCTION onward_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the % table is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();

-- Projections: current state, rebuilt from events (Store.rebuildProjections).
CREATE TABLE young_people (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  name text NOT NULL,
  preferred_name text,
  date_of_birth date NOT NULL,
  category text NOT NULL,
  team_id text NOT NULL,
  pa_id text NOT NULL,
  social_worker_id text,
  language text,
  created_at timestamptz NOT NULL
);
CREATE INDEX young_people_council ON young_people (council_id);
CREATE TABLE plans (
  id text PRIMARY KEY,
  council_id text NOT NULL,
  young_person_id text NOT NULL,
  state text NOT NULL,
  lifecycle jsonb NOT NULL,
  doc jsonb NOT NULL,
  version integer NOT NULL,
  submitted_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX plans_young_person ON plans (young_person_id);
CREATE TABLE check_ins (
  id text PRIMARY KEY,
  council_id text NOT NULL,
  young_person_id text NOT NULL,
  doc jsonb NOT NULL,
  at timestamptz NOT NULL,
  help boolean NOT NULL,
  help_seen boolean NOT NULL DEFAULT false,
  lifecycle jsonb NOT NULL
);
CREATE INDEX check_ins_young_person ON check_ins (young_person_id, at);
CREATE TABLE arrangements (
  id text PRIMARY KEY,
  council_id text NOT NULL,
  young_person_id text NOT NULL,
  state text NOT NULL,
  lifecycle jsonb NOT NULL,
  agreement jsonb,
  carer_user_ids jsonb NOT NULL,
  supervising_social_worker_id text,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX arrangements_young_person ON arrangements (young_person_id);

-- Frozen authorised plans with their PDF. Kept for the retention period; never changed.
CREATE TABLE frozen_plans (
  plan_id text PRIMARY KEY,
  council_id text NOT NULL,
  young_person_id text NOT NULL,
  doc jsonb NOT NULL,
  pdf bytea,
  authorised_at timestamptz NOT NULL
);
CREATE TRIGGER frozen_plans_append_only BEFORE UPDATE OR DELETE ON frozen_plans
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  council_id text NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  council_id text NOT NULL,
  young_person_id text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  council_id text NOT NULL,
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text NOT NULL,
  young_person_id text,
  request_id text NOT NULL
);
CREATE INDEX audit_council_at ON audit_log (council_id, at);
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();

CREATE TABLE webhooks (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  url text NOT NULL,
  secret text NOT NULL,
  events jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  disabled boolean NOT NULL DEFAULT false
);
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  council_id text NOT NULL,
  webhook_id text NOT NULL REFERENCES webhooks(id),
  event_type text NOT NULL,
  body text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE TABLE webhook_attempts (
  delivery_id text NOT NULL REFERENCES webhook_deliveries(id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  response_status integer,
  error text,
  duration_ms integer NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
`,
  },
  {
    id: 2,
    name: 'account event log: users are a projection too',
    sql: `
CREATE TABLE account_events (
  id bigserial PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  user_id text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX account_events_user ON account_events (user_id, id);
CREATE TRIGGER account_events_append_only BEFORE UPDATE OR DELETE ON account_events
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();
-- Users made before this migration get their "created" event now, from the row as it stands.
INSERT INTO account_events (council_id, user_id, actor_id, actor_role, type, payload, at)
  SELECT council_id, id, 'system/migration', 'system', 'user.created',
    jsonb_strip_nulls(jsonb_build_object('role', role, 'email', email, 'name', name, 'teamId', team_id,
      'youngPersonId', young_person_id, 'disabled', disabled)), created_at
  FROM users;
`,
  },
  {
    id: 3,
    name: 'sign-in tries counted in the database',
    sql: `
CREATE TABLE rate_limit_hits (
  bucket text NOT NULL,
  at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_bucket ON rate_limit_hits (bucket, at);
CREATE INDEX rate_limit_hits_expires ON rate_limit_hits (expires_at);
`,
  },
  {
    id: 4,
    name: 'staff invitation links',
    sql: `
CREATE TABLE staff_invitations (
  token_hash text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  user_id text NOT NULL REFERENCES users(id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX staff_invitations_user ON staff_invitations (user_id);
`,
  },
  {
    id: 5,
    name: 'integrity in the database: one plan being written, one open arrangement, idempotency keys',
    sql: `
-- An event may carry an idempotency key: a second event with the same key is refused by the database, whichever
-- server process or connection sends it (a retried check-in is stored once; a check-in is acknowledged once).
-- Events from before this migration have none (NULLs never clash).
ALTER TABLE events ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX events_idempotency_key ON events (idempotency_key);
-- A database whose projections already break a rule below (from parallel requests before this migration) stops
-- here, naming the young people; close or withdraw the extra records (docs/deployment.md), then start again.
DO $$
DECLARE bad text;
BEGIN
  SELECT string_agg(young_person_id, ', ') INTO bad FROM (
    SELECT young_person_id FROM plans WHERE state IN ('draft', 'submitted', 'returned')
    GROUP BY young_person_id HAVING count(*) > 1) d;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'onward migration 5: young people with more than one plan being written: %', bad;
  END IF;
  SELECT string_agg(young_person_id, ', ') INTO bad FROM (
    SELECT young_person_id FROM arrangements WHERE state NOT IN ('ended', 'withdrawn')
    GROUP BY young_person_id HAVING count(*) > 1) d;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'onward migration 5: young people with more than one open Staying Put arrangement: %', bad;
  END IF;
END
$$;
-- One plan being written (draft, submitted or returned) per young person; one Staying Put arrangement that has
-- not ended or been withdrawn per young person.
CREATE UNIQUE INDEX plans_one_being_written ON plans (young_person_id)
  WHERE state IN ('draft', 'submitted', 'returned');
CREATE UNIQUE INDEX arrangements_one_open ON arrangements (young_person_id)
  WHERE state NOT IN ('ended', 'withdrawn');
`,
  },
  {
    id: 6,
    name: 'typed events: format version and facts of the moment; the council log',
    sql: `
-- Events written before this migration are format 1 (they carry lifecycle snapshots); they are upgraded to the
-- current format when read (engine upgradeRecord), never rewritten: the log stays append-only.
ALTER TABLE events ADD COLUMN schema_version integer NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN facts jsonb;
ALTER TABLE account_events ADD COLUMN schema_version integer NOT NULL DEFAULT 1;
-- Changes to a council's set-up (teams, API tokens, webhooks), who made them and when. Append-only.
CREATE TABLE council_events (
  id bigserial PRIMARY KEY,
  schema_version integer NOT NULL,
  council_id text NOT NULL REFERENCES councils(id),
  subject_id text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX council_events_council ON council_events (council_id, id);
CREATE TRIGGER council_events_append_only BEFORE UPDATE OR DELETE ON council_events
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();
`,
  },
  {
    id: 7,
    name: 'council settings (deadlines, attempts, attendance, signatories, nation)',
    sql: `
CREATE TABLE council_settings (
  council_id text PRIMARY KEY REFERENCES councils(id),
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
`,
  },
  {
    id: 8,
    name: 'case-management ids of young people (CSV onboarding)',
    sql: `
-- The case-management system's person id (LCS, Mosaic, Eclipse) for each young person imported from it. The primary
-- key makes a re-import idempotent in the database itself: the import claims each id with INSERT ... ON CONFLICT DO
-- NOTHING, so two imports of one file at once register each young person once. Not a projection: a rebuild keeps it.
CREATE TABLE young_person_external_ids (
  council_id text NOT NULL REFERENCES councils(id),
  external_id text NOT NULL,
  young_person_id text NOT NULL UNIQUE,
  import_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (council_id, external_id)
);
`,
  },
  {
    id: 9,
    name: 'plan PDFs made in the background (the freeze queue)',
    sql: `
-- An authorised plan is frozen at once (frozen_plans, in the authorisation's transaction) and its PDF is made after:
-- one row here per frozen plan still waiting for its PDF, with what the renderer needs besides the frozen document
-- (the council's name and the locale as they were, and the moment the PDF is dated: the authorisation). A worker
-- in the server claims a row for a while (claimed_until), renders, then stores the PDF and deletes the row in one
-- transaction. A crash leaves the row, claimed for a short while at most, for the next worker.
CREATE TABLE plan_pdf_queue (
  plan_id text PRIMARY KEY REFERENCES frozen_plans(plan_id),
  council_name text NOT NULL,
  locale text NOT NULL,
  created_at timestamptz NOT NULL,
  queued_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX plan_pdf_queue_order ON plan_pdf_queue (queued_at, plan_id);
-- The PDFs made from the queue. Written once per plan (INSERT ... ON CONFLICT DO NOTHING: two workers rendering one
-- plan store it once); never changed, as frozen_plans.
CREATE TABLE frozen_plan_pdfs (
  plan_id text PRIMARY KEY REFERENCES frozen_plans(plan_id),
  pdf bytea NOT NULL,
  made_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER frozen_plan_pdfs_append_only BEFORE UPDATE OR DELETE ON frozen_plan_pdfs
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();
`,
  },
  ...LATER_MIGRATIONS,
];

export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS onward_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const ran = await db.transaction(async (tx) => {
      // Two processes starting at once against one PostgreSQL: the lock makes the second wait, then skip.
      await tx.query('SELECT pg_advisory_xact_lock(727001)');
      const done = await tx.query('SELECT 1 FROM onward_migrations WHERE id = $1', [m.id]);
      if (done.length) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO onward_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      return true;
    });
    if (ran) applied.push(m.id);
  }
  return applied;
}

/** Splits a script on semicolons at line ends, keeping $$-quoted function bodies whole. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollar) continue;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    current += `${line}\n`;
    if (!inDollar && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
