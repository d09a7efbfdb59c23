// The migrations from 10 on (notifications, audited list reads, retention), in their own file so that neither file
// grows past what can be read in one sitting. The rules are migrations.ts's: never edit a shipped migration, add the
// next one here. The shape is migrations.ts's Migration (written out, so that this file imports nothing from it).
export const LATER_MIGRATIONS: readonly { readonly id: number; readonly name: string; readonly sql: string }[] = [
  {
    id: 10,
    name: 'the notification outbox (emails to people, written with the event that causes them)',
    sql: `
-- One row per message to send: written in the transaction of the event that causes it (a young person asks for
-- help, a plan comes back or is authorised), so a saved event always has its message and a refused one never does.
-- It holds no address and no words of the young person: the recipient's account (their address is read when the
-- message is sent) and the kind of message, whose words are the engine's (noticeMessage). A worker in the server
-- takes rows for a while (available_at, a lease; also the back-off after a failure), sends them, and marks them
-- sent; a crash leaves the row to be taken again once the lease runs out. Never deleted by the worker: what was
-- sent, when, and how many tries it took stays for the admin's view.
CREATE TABLE notification_outbox (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  kind text NOT NULL,
  recipient_id text NOT NULL,
  young_person_id text NOT NULL,
  subject_id text NOT NULL,
  event_id text NOT NULL,
  language text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'undeliverable')),
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz,
  claim_token text,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (event_id, kind, recipient_id)
);
CREATE INDEX notification_outbox_queued ON notification_outbox (created_at, id) WHERE status = 'queued';
CREATE INDEX notification_outbox_council ON notification_outbox (council_id, created_at);
`,
  },
  {
    id: 11,
    name: 'audit rows for reads of lists: how many young people, and which',
    sql: `
-- A read of a list (a caseload, help requests, the authorisation queue, an export) is one audit row: how many young
-- people's records it showed (item_count) and which (young_person_ids), so "who has seen this young person's
-- record" finds the lists too.
ALTER TABLE audit_log ADD COLUMN item_count integer;
ALTER TABLE audit_log ADD COLUMN young_person_ids text[];
`,
  },
  {
    id: 12,
    name: 'retention: legal holds, destruction of a record past its retention date',
    sql: `
-- The append-only tables refuse UPDATE and DELETE, except a DELETE inside a destruction: the destruction's
-- transaction sets onward.destroying (set_config, local to that transaction) to the young person's id, and only rows
-- of that young person (or rows without a young_person_id column, which the destruction picks by its own keys: their
-- account's events, their plans' PDFs, audit rows about them) may then be deleted. The one UPDATE let through is
-- an audit row of a list read (migration 11) losing this young person from young_person_ids, nothing else changed.
CREATE OR REPLACE FUNCTION onward_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  destroying text := coalesce(current_setting('onward.destroying', true), '');
BEGIN
  IF TG_OP = 'DELETE' AND destroying <> ''
     AND coalesce(to_jsonb(OLD) ->> 'young_person_id', destroying) = destroying THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND destroying <> '' AND TG_TABLE_NAME = 'audit_log'
     AND (to_jsonb(NEW) - 'young_person_ids' - 'item_count') = (to_jsonb(OLD) - 'young_person_ids' - 'item_count')
     AND (to_jsonb(NEW) -> 'young_person_ids') = (SELECT coalesce(jsonb_agg(x), '[]'::jsonb)
       FROM jsonb_array_elements(to_jsonb(OLD) -> 'young_person_ids') x WHERE x #>> '{}' <> destroying) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the % table is append-only', TG_TABLE_NAME;
END
$$;
-- Refuses every UPDATE and DELETE, a destruction's included: the destruction records themselves.
CREATE FUNCTION onward_refuse_any_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the % table is append-only', TG_TABLE_NAME;
END
$$;
-- A legal hold on a young person's record (a claim, an inquiry, a complaint): while a row is here the record is not
-- destroyed. The reason may name people, so it goes with the record when the record is destroyed.
CREATE TABLE legal_holds (
  young_person_id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  reason text NOT NULL,
  held_by text NOT NULL,
  held_at timestamptz NOT NULL
);
CREATE INDEX legal_holds_council ON legal_holds (council_id);
-- Every hold set and lifted, who did it, when and why. Append-only; destroyed with the record.
CREATE TABLE legal_hold_events (
  id bigserial PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  young_person_id text NOT NULL,
  type text NOT NULL,
  reason text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX legal_hold_events_young_person ON legal_hold_events (young_person_id, id);
CREATE TRIGGER legal_hold_events_append_only BEFORE UPDATE OR DELETE ON legal_hold_events
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_change();
-- What is left of a destroyed record: the council's reference for it (the Onward id, which names no one once the
-- record is gone), who confirmed the destruction and when, the rule it was due under, and how many rows of each
-- kind were removed. No name, date of birth or anything else about the person. Never changed or deleted.
CREATE TABLE destructions (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils(id),
  reference text NOT NULL UNIQUE,
  due_from date NOT NULL,
  basis text NOT NULL,
  legal_basis text NOT NULL,
  confirmed_by text NOT NULL,
  confirmed_by_role text NOT NULL,
  destroyed_at timestamptz NOT NULL,
  removed jsonb NOT NULL
);
CREATE INDEX destructions_council ON destructions (council_id, destroyed_at);
CREATE TRIGGER destructions_append_only BEFORE UPDATE OR DELETE ON destructions
  FOR EACH ROW EXECUTE FUNCTION onward_refuse_any_change();
`,
  },
];
