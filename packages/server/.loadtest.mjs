// packages/server/src/auth/crypto.ts
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

var N = 2 ** 15;
var R = 8;
var P = 1;
var KEY_LENGTH = 64;
var MAXMEM = 128 * N * R * 2;
function scrypt(password, salt, n, r2, p) {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r: r2, p, maxmem: 128 * n * r2 * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}
async function verifyPassword(password, stored) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r2, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r2), Number(p));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
var dummy;
function dummyHash() {
  dummy ??= hashPassword(randomToken());
  return dummy;
}
function randomToken(bytes = 32) {
  return randomBytes(bytes).toString('base64url');
}
function sha256(value) {
  return createHash('sha256').update(value).digest('hex');
}
function newId(prefix) {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

// packages/server/src/storage/db.ts
async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  let queue = Promise.resolve();
  const wrap = (q) => ({
    async query(sql, params = []) {
      const r2 = await q.query(sql, params);
      return r2.rows;
    },
  });
  const direct = wrap(pg);
  return {
    kind: 'pglite',
    query: (sql, params) => queued(() => direct.query(sql, params)),
    transaction(fn) {
      return queued(() => pg.transaction((tx) => fn(wrap(tx))));
    },
    exec: (sql) => queued(async () => void (await pg.exec(sql))),
    close: () => queued(() => pg.close()),
  };
  function queued(fn) {
    const run = queue.then(fn, fn);
    queue = run.catch(() => void 0);
    return run;
  }
}
async function openPostgres(url, schema) {
  const pg = await import('pg');
  const PoolCtor = pg.default?.Pool ?? pg.Pool;
  const types = pg.default?.types ?? pg.types;
  types.setTypeParser(20, (v) => Number(v));
  types.setTypeParser(1082, (v) => v);
  if (schema) {
    const admin = new PoolCtor({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await admin.end();
  }
  const pool = new PoolCtor({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}"` } : {}),
  });
  const wrap = (c) => ({
    async query(sql, params = []) {
      const r2 = await c.query(sql, params);
      return r2.rows;
    },
  });
  return {
    kind: 'postgres',
    query: (sql, params) => wrap(pool).query(sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => void 0);
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

// packages/server/src/storage/migrations.ts
var MIGRATIONS = [
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
];
async function migrate(db) {
  await db.exec(`CREATE TABLE IF NOT EXISTS onward_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = [];
  for (const m of MIGRATIONS) {
    const ran = await db.transaction(async (tx) => {
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
function splitStatements(sql) {
  const out = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollar) continue;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    current += `${line}
`;
    if (!inDollar && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

// packages/server/src/storage/projection.ts
function emptyState() {
  return {
    plans: /* @__PURE__ */ new Map(),
    checkIns: /* @__PURE__ */ new Map(),
    arrangements: /* @__PURE__ */ new Map(),
    dirty: {
      youngPerson: false,
      plans: /* @__PURE__ */ new Set(),
      checkIns: /* @__PURE__ */ new Set(),
      arrangements: /* @__PURE__ */ new Set(),
    },
  };
}
var ProjectionError = class extends Error {
  name = 'ProjectionError';
};
function applyEvent(state, e) {
  const p = e.payload;
  switch (e.type) {
    case 'young-person.registered': {
      const yp2 = p.youngPerson;
      state.youngPerson = { ...yp2, id: e.youngPersonId, councilId: e.councilId, createdAt: e.at };
      state.dirty.youngPerson = true;
      return;
    }
    case 'young-person.allocated': {
      const yp2 = need(state.youngPerson, 'young person');
      for (const k of ['paId', 'socialWorkerId', 'teamId', 'preferredName', 'language']) {
        if (typeof p[k] === 'string') yp2[k] = p[k];
      }
      state.dirty.youngPerson = true;
      return;
    }
    case 'plan.created': {
      const plan = p.plan;
      state.plans.set(plan.id, {
        id: plan.id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        state: lifecycleOf(p).state,
        lifecycle: lifecycleOf(p),
        doc: plan,
        version: 1,
        updatedAt: e.at,
      });
      state.dirty.plans.add(plan.id);
      return;
    }
    case 'plan.saved':
      updatePlan(state, e, (r2) => {
        r2.doc = p.plan;
      });
      return;
    case 'plan.checklist-saved':
      updatePlan(state, e, (r2) => {
        r2.doc = { ...r2.doc, checklist: p.checklist };
        setLifecycle(r2, p);
      });
      return;
    case 'plan.views-saved':
      updatePlan(state, e, (r2) => {
        const views = { ...r2.doc.views };
        if (typeof p.youngPerson === 'string') views.youngPerson = p.youngPerson;
        if (typeof p.disagreements === 'string') views.disagreements = p.disagreements;
        r2.doc = { ...r2.doc, views };
      });
      return;
    case 'plan.engagement-attempt':
      updatePlan(state, e, (r2) => {
        const attempt = p.attempt;
        r2.doc = {
          ...r2.doc,
          engagement: { ...r2.doc.engagement, attempts: [...r2.doc.engagement.attempts, attempt] },
        };
        setLifecycle(r2, p);
      });
      return;
    case 'plan.transition':
      updatePlan(state, e, (r2) => {
        setLifecycle(r2, p);
        const event = p.event ?? {};
        const by = p.by;
        const comment = typeof event.comment === 'string' ? event.comment : void 0;
        if (event.type === 'plan.submit') {
          r2.submittedAt = e.at;
          const completedBy = r2.lifecycle.context.completedBy;
          if (typeof completedBy === 'string') {
            r2.doc = {
              ...r2.doc,
              engagement: { ...r2.doc.engagement, completedBy },
            };
          }
        }
        if (event.type === 'plan.completeWithoutYoungPerson') {
          r2.doc = { ...r2.doc, engagement: { ...r2.doc.engagement, completedBy: 'worker-without-young-person' } };
        }
        if (event.type === 'plan.return' && by && comment !== void 0) {
          r2.doc = { ...r2.doc, returns: [...(r2.doc.returns ?? []), { by, at: e.at, comment }] };
        }
        if (event.type === 'plan.authorise') {
          const ctx = r2.lifecycle.context;
          const day = typeof ctx.authorisedOn === 'string' ? ctx.authorisedOn : e.at.slice(0, 10);
          const signOff = {
            role: 'team-manager',
            name: by?.name ?? 'Manager',
            at: e.at,
            ...(comment ? { comment } : {}),
          };
          r2.doc = {
            ...r2.doc,
            authorised: day,
            nextReview: typeof ctx.sixMonthReviewOn === 'string' ? ctx.sixMonthReviewOn : addMonths(day, 6),
            ...(event.wording ? { wording: { ...(r2.doc.wording ?? {}), ...event.wording } } : {}),
            ...(by ? { manager: by } : {}),
            signOffs: [...r2.doc.signOffs, signOff].slice(-10),
          };
        }
      });
      return;
    case 'check-in.recorded': {
      const c = p.checkIn;
      const help = Object.values(c.moods).some((m) => m?.help === true);
      state.checkIns.set(c.id, {
        id: c.id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        doc: c,
        at: c.at,
        help,
        helpSeen: false,
        lifecycle: lifecycleOf(p),
      });
      state.dirty.checkIns.add(c.id);
      return;
    }
    case 'check-in.acknowledged': {
      const r2 = need(state.checkIns.get(String(p.checkInId)), 'check-in');
      r2.helpSeen = true;
      r2.lifecycle = lifecycleOf(p);
      state.dirty.checkIns.add(r2.id);
      return;
    }
    case 'staying-put.created': {
      const id = String(p.arrangementId);
      state.arrangements.set(id, {
        id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        state: lifecycleOf(p).state,
        lifecycle: lifecycleOf(p),
        carerUserIds: p.carerUserIds ?? [],
        ...(typeof p.supervisingSocialWorkerId === 'string'
          ? { supervisingSocialWorkerId: p.supervisingSocialWorkerId }
          : {}),
        version: 1,
        updatedAt: e.at,
      });
      state.dirty.arrangements.add(id);
      return;
    }
    case 'staying-put.agreement-saved':
      updateArrangement(state, e, (r2) => {
        r2.agreement = p.agreement;
        if (p.lifecycle) {
          r2.lifecycle = lifecycleOf(p);
          r2.state = r2.lifecycle.state;
        }
      });
      return;
    case 'staying-put.transition':
      updateArrangement(state, e, (r2) => {
        r2.lifecycle = lifecycleOf(p);
        r2.state = r2.lifecycle.state;
      });
      return;
    default:
      throw new ProjectionError(`Unknown event type ${String(e.type)}`);
  }
}
function lifecycleOf(p) {
  const l = p.lifecycle;
  if (!l || typeof l !== 'object' || typeof l.state !== 'string')
    throw new ProjectionError('The event has no lifecycle snapshot.');
  return l;
}
function setLifecycle(r2, p) {
  r2.lifecycle = lifecycleOf(p);
  r2.state = r2.lifecycle.state;
}
function updatePlan(state, e, fn) {
  const r2 = need(state.plans.get(String(e.payload.planId)), 'plan');
  fn(r2);
  r2.version += 1;
  r2.updatedAt = e.at;
  state.dirty.plans.add(r2.id);
}
function updateArrangement(state, e, fn) {
  const r2 = need(state.arrangements.get(String(e.payload.arrangementId)), 'Staying Put arrangement');
  fn(r2);
  r2.version += 1;
  r2.updatedAt = e.at;
  state.dirty.arrangements.add(r2.id);
}
function need(x, what) {
  if (x === void 0) throw new ProjectionError(`The event refers to a ${what} that does not exist.`);
  return x;
}
function addMonths(day, months) {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// packages/server/src/storage/store.ts
var SEED_ACTOR = { id: 'system/seed', role: 'system' };
var ConflictError = class extends Error {
  name = 'ConflictError';
};
var iso = (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
var isoOrUndef = (v) => (v === null || v === void 0 ? void 0 : iso(v));
var str = (v) => (v === null || v === void 0 ? void 0 : String(v));
var json = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
function toUser(r2) {
  return {
    id: String(r2.id),
    councilId: String(r2.council_id),
    role: r2.role,
    name: String(r2.name),
    ...(r2.email ? { email: String(r2.email) } : {}),
    ...(r2.team_id ? { teamId: String(r2.team_id) } : {}),
    ...(r2.young_person_id ? { youngPersonId: String(r2.young_person_id) } : {}),
    disabled: Boolean(r2.disabled),
  };
}
var YP_COLUMNS =
  'id, council_id, name, preferred_name, date_of_birth::text AS date_of_birth, category, team_id, pa_id, social_worker_id, language, created_at';
function toYoungPerson(r2) {
  return {
    id: String(r2.id),
    councilId: String(r2.council_id),
    name: String(r2.name),
    ...(r2.preferred_name ? { preferredName: String(r2.preferred_name) } : {}),
    dateOfBirth: String(r2.date_of_birth),
    category: r2.category,
    teamId: String(r2.team_id),
    paId: String(r2.pa_id),
    ...(r2.social_worker_id ? { socialWorkerId: String(r2.social_worker_id) } : {}),
    ...(r2.language ? { language: String(r2.language) } : {}),
    createdAt: iso(r2.created_at),
  };
}
function toPlan(r2) {
  return {
    id: String(r2.id),
    councilId: String(r2.council_id),
    youngPersonId: String(r2.young_person_id),
    state: String(r2.state),
    lifecycle: json(r2.lifecycle),
    doc: json(r2.doc),
    version: Number(r2.version),
    ...(r2.submitted_at ? { submittedAt: iso(r2.submitted_at) } : {}),
    updatedAt: iso(r2.updated_at),
  };
}
function toCheckIn(r2) {
  return {
    id: String(r2.id),
    councilId: String(r2.council_id),
    youngPersonId: String(r2.young_person_id),
    doc: json(r2.doc),
    at: iso(r2.at),
    help: Boolean(r2.help),
    helpSeen: Boolean(r2.help_seen),
    lifecycle: json(r2.lifecycle),
  };
}
function toArrangement(r2) {
  return {
    id: String(r2.id),
    councilId: String(r2.council_id),
    youngPersonId: String(r2.young_person_id),
    state: String(r2.state),
    lifecycle: json(r2.lifecycle),
    ...(r2.agreement ? { agreement: json(r2.agreement) } : {}),
    carerUserIds: json(r2.carer_user_ids),
    ...(r2.supervising_social_worker_id ? { supervisingSocialWorkerId: String(r2.supervising_social_worker_id) } : {}),
    version: Number(r2.version),
    updatedAt: iso(r2.updated_at),
  };
}
function toEvent(r2) {
  return {
    id: String(r2.id),
    councilId: String(r2.council_id),
    youngPersonId: String(r2.young_person_id),
    sequence: Number(r2.sequence),
    actorId: String(r2.actor_id),
    actorRole: r2.actor_role,
    type: r2.type,
    payload: json(r2.payload),
    at: iso(r2.at),
  };
}
async function insertRows(tx, head, columns, rows, tail = '') {
  const per = Math.max(1, Math.floor(3e4 / columns));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map(
      (_, r2) => `(${Array.from({ length: columns }, (_2, c) => `$${r2 * columns + c + 1}`).join(', ')})`,
    );
    await tx.query(`${head} VALUES ${values.join(', ')} ${tail}`, chunk.flat());
  }
}
var Store = class _Store {
  constructor(db) {
    this.db = db;
  }
  get kind() {
    return this.db.kind;
  }
  static async open(options = {}) {
    const db = options.databaseUrl
      ? await openPostgres(options.databaseUrl, options.schema)
      : await openPglite(options.dataDir);
    await migrate(db);
    return new _Store(db);
  }
  close() {
    return this.db.close();
  }
  // ---------------------------------------------------------------- councils, teams, users
  async createCouncil(input) {
    const id = input.id ?? newId('council');
    await this.db.query('INSERT INTO councils (id, name) VALUES ($1, $2)', [id, input.name]);
    return { id, name: input.name };
  }
  async getCouncil(id) {
    const [r2] = await this.db.query('SELECT id, name FROM councils WHERE id = $1', [id]);
    return r2 ? { id: String(r2.id), name: String(r2.name) } : void 0;
  }
  async listCouncils() {
    const rows = await this.db.query('SELECT id, name FROM councils ORDER BY id');
    return rows.map((r2) => ({ id: String(r2.id), name: String(r2.name) }));
  }
  async createTeam(input) {
    const id = input.id ?? newId('team');
    await this.db.query('INSERT INTO teams (id, council_id, name) VALUES ($1, $2, $3)', [
      id,
      input.councilId,
      input.name,
    ]);
    return { id, councilId: input.councilId, name: input.name };
  }
  async listTeams(councilId) {
    const rows = await this.db.query('SELECT id, council_id, name FROM teams WHERE council_id = $1 ORDER BY name', [
      councilId,
    ]);
    return rows.map((r2) => ({ id: String(r2.id), councilId: String(r2.council_id), name: String(r2.name) }));
  }
  async getTeam(id) {
    const [r2] = await this.db.query('SELECT id, council_id, name FROM teams WHERE id = $1', [id]);
    return r2 ? { id: String(r2.id), councilId: String(r2.council_id), name: String(r2.name) } : void 0;
  }
  async createStaffUser(input) {
    const [u] = await this.createStaffUsers([input]);
    return u;
  }
  /** Creates staff in one transaction. Hashing runs in parallel (scrypt uses the libuv pool). */
  async createStaffUsers(inputs) {
    const hashes = await Promise.all(inputs.map((i) => hashPassword(i.password)));
    const users = inputs.map((i) => ({
      id: i.id ?? newId('user'),
      councilId: i.councilId,
      role: i.role,
      name: i.name,
      email: i.email,
      ...(i.teamId ? { teamId: i.teamId } : {}),
      disabled: false,
    }));
    await this.db.transaction(async (tx) => {
      await insertRows(
        tx,
        'INSERT INTO users (id, council_id, role, email, name, team_id)',
        6,
        users.map((u) => [u.id, u.councilId, u.role, u.email, u.name, u.teamId ?? null]),
      );
      await insertRows(
        tx,
        'INSERT INTO credentials (user_id, password_hash)',
        2,
        users.map((u, n) => [u.id, hashes[n]]),
      );
    });
    return users;
  }
  async createYoungPersonUser(input) {
    const hash = await hashPassword(input.password);
    return this.db.transaction((tx) => this.insertYoungPersonUser(tx, { ...input, hash }));
  }
  async insertYoungPersonUser(tx, input) {
    const [yp2] = await tx.query(
      'SELECT name, preferred_name, team_id FROM young_people WHERE id = $1 AND council_id = $2',
      [input.youngPersonId, input.councilId],
    );
    if (!yp2) throw new ConflictError('That young person does not exist in this council.');
    const existing = await tx.query("SELECT 1 FROM users WHERE young_person_id = $1 AND role = 'young-person'", [
      input.youngPersonId,
    ]);
    if (existing.length) throw new ConflictError('This young person already has a sign-in.');
    const id = input.id ?? newId('user');
    const name = String(yp2.preferred_name ?? yp2.name);
    await tx.query(
      "INSERT INTO users (id, council_id, role, email, name, team_id, young_person_id) VALUES ($1, $2, 'young-person', $3, $4, $5, $6)",
      [id, input.councilId, input.email, name, yp2.team_id, input.youngPersonId],
    );
    await tx.query('INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)', [id, input.hash]);
    return {
      id,
      councilId: input.councilId,
      role: 'young-person',
      name,
      email: input.email,
      teamId: String(yp2.team_id),
      youngPersonId: input.youngPersonId,
      disabled: false,
    };
  }
  async getUser(id) {
    const [r2] = await this.db.query('SELECT * FROM users WHERE id = $1', [id]);
    return r2 ? toUser(r2) : void 0;
  }
  async getUserByEmail(email) {
    const [r2] = await this.db.query('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
    return r2 ? toUser(r2) : void 0;
  }
  async listUsers(councilId, filter = {}) {
    const rows = await this.db.query(
      'SELECT * FROM users WHERE council_id = $1 AND ($2::text IS NULL OR team_id = $2) AND ($3::text IS NULL OR role = $3) ORDER BY name, id',
      [councilId, filter.teamId ?? null, filter.role ?? null],
    );
    return rows.map(toUser);
  }
  async updateUser(id, patch) {
    const [r2] = await this.db.query(
      `UPDATE users SET name = COALESCE($2, name), role = COALESCE($3, role),
         team_id = CASE WHEN $4::boolean THEN $5 ELSE team_id END, disabled = COALESCE($6, disabled)
       WHERE id = $1 RETURNING *`,
      [
        id,
        patch.name ?? null,
        patch.role ?? null,
        patch.teamId !== void 0,
        patch.teamId ?? null,
        patch.disabled ?? null,
      ],
    );
    return r2 ? toUser(r2) : void 0;
  }
  async setPassword(userId, password) {
    const hash = await hashPassword(password);
    await this.db.query(
      'INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, now()) ON CONFLICT (user_id) DO UPDATE SET password_hash = $2, updated_at = now()',
      [userId, hash],
    );
  }
  /** The user when the password is right and the account enabled; otherwise undefined. Same work either way. */
  async checkPassword(email, password) {
    const [r2] = await this.db.query(
      'SELECT u.*, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.id WHERE lower(u.email) = lower($1)',
      [email],
    );
    const ok = await verifyPassword(password, r2 ? String(r2.password_hash) : await dummyHash());
    if (!r2 || !ok || r2.disabled) return void 0;
    return toUser(r2);
  }
  async checkPasswordById(userId, password) {
    const [r2] = await this.db.query('SELECT password_hash FROM credentials WHERE user_id = $1', [userId]);
    return verifyPassword(password, r2 ? String(r2.password_hash) : await dummyHash());
  }
  // ---------------------------------------------------------------- young people and the event log
  async createYoungPerson(input) {
    const [yp2] = await this.createYoungPeople([input]);
    return yp2;
  }
  /** Registers young people (one `young-person.registered` event each) in one transaction. */
  async createYoungPeople(inputs) {
    const events = inputs.map((i) => {
      const id = i.id ?? newId('yp');
      const youngPerson = {
        id,
        name: i.name,
        dateOfBirth: i.dateOfBirth,
        category: i.category,
        teamId: i.teamId,
        paId: i.paId,
      };
      if (i.preferredName) youngPerson.preferredName = i.preferredName;
      if (i.socialWorkerId) youngPerson.socialWorkerId = i.socialWorkerId;
      if (i.language) youngPerson.language = i.language;
      return {
        councilId: i.councilId,
        youngPersonId: id,
        type: 'young-person.registered',
        payload: { youngPerson },
        ...(i.at ? { at: i.at } : {}),
        ...(i.actor ? { actor: i.actor } : {}),
      };
    });
    const states = await this.appendEvents(events);
    return events.map((e) => states.get(e.youngPersonId)?.youngPerson);
  }
  /**
   * Appends events in order, in one transaction, and updates the projections. Returns the new projection
   * state per young person. Throws ProjectionError (nothing saved) when an event does not fit the records.
   */
  async appendEvents(events, tx) {
    if (!events.length) return /* @__PURE__ */ new Map();
    const run = async (q) => {
      const ids = [...new Set(events.map((e) => e.youngPersonId))];
      const states = await this.loadStates(q, ids);
      const seqRows = await q.query(
        'SELECT young_person_id, max(sequence) AS s FROM events WHERE young_person_id = ANY($1) GROUP BY young_person_id',
        [ids],
      );
      const seq = new Map(seqRows.map((r2) => [String(r2.young_person_id), Number(r2.s)]));
      const now = /* @__PURE__ */ new Date().toISOString();
      const stored = [];
      for (const e of events) {
        const state = states.get(e.youngPersonId);
        if (state.youngPerson && state.youngPerson.councilId !== e.councilId) {
          throw new ConflictError('The event belongs to another council than its young person.');
        }
        const sequence = (seq.get(e.youngPersonId) ?? 0) + 1;
        seq.set(e.youngPersonId, sequence);
        const actor = e.actor ?? SEED_ACTOR;
        const s = {
          id: newId('ev'),
          councilId: e.councilId,
          youngPersonId: e.youngPersonId,
          sequence,
          actorId: actor.id,
          actorRole: actor.role,
          type: e.type,
          payload: e.payload,
          at: e.at ? iso(e.at) : now,
        };
        applyEvent(state, s);
        stored.push(s);
      }
      await insertRows(
        q,
        'INSERT INTO events (id, council_id, young_person_id, sequence, actor_id, actor_role, type, payload, at)',
        9,
        stored.map((s) => [
          s.id,
          s.councilId,
          s.youngPersonId,
          s.sequence,
          s.actorId,
          s.actorRole,
          s.type,
          JSON.stringify(s.payload),
          s.at,
        ]),
      );
      await this.writeStates(q, [...states.values()]);
      return states;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }
  async loadStates(q, ids) {
    const states = new Map(ids.map((id) => [id, emptyState()]));
    const yps = await q.query(`SELECT ${YP_COLUMNS} FROM young_people WHERE id = ANY($1)`, [ids]);
    const plans2 = await q.query('SELECT * FROM plans WHERE young_person_id = ANY($1)', [ids]);
    const checkIns = await q.query('SELECT * FROM check_ins WHERE young_person_id = ANY($1)', [ids]);
    const arrangements = await q.query('SELECT * FROM arrangements WHERE young_person_id = ANY($1)', [ids]);
    for (const r2 of yps) states.get(String(r2.id)).youngPerson = toYoungPerson(r2);
    for (const r2 of plans2) states.get(String(r2.young_person_id))?.plans.set(String(r2.id), toPlan(r2));
    for (const r2 of checkIns) states.get(String(r2.young_person_id))?.checkIns.set(String(r2.id), toCheckIn(r2));
    for (const r2 of arrangements)
      states.get(String(r2.young_person_id))?.arrangements.set(String(r2.id), toArrangement(r2));
    return states;
  }
  async writeStates(q, states) {
    const yps = states.filter((s) => s.dirty.youngPerson && s.youngPerson).map((s) => s.youngPerson);
    await insertRows(
      q,
      'INSERT INTO young_people (id, council_id, name, preferred_name, date_of_birth, category, team_id, pa_id, social_worker_id, language, created_at)',
      11,
      yps.map((y) => [
        y.id,
        y.councilId,
        y.name,
        y.preferredName ?? null,
        y.dateOfBirth,
        y.category,
        y.teamId,
        y.paId,
        y.socialWorkerId ?? null,
        y.language ?? null,
        y.createdAt,
      ]),
      `ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, preferred_name = EXCLUDED.preferred_name, team_id = EXCLUDED.team_id,
         pa_id = EXCLUDED.pa_id, social_worker_id = EXCLUDED.social_worker_id, language = EXCLUDED.language`,
    );
    const plans2 = states.flatMap((s) => [...s.dirty.plans].map((id) => s.plans.get(id)));
    await insertRows(
      q,
      'INSERT INTO plans (id, council_id, young_person_id, state, lifecycle, doc, version, submitted_at, updated_at)',
      9,
      plans2.map((p) => [
        p.id,
        p.councilId,
        p.youngPersonId,
        p.state,
        JSON.stringify(p.lifecycle),
        JSON.stringify(p.doc),
        p.version,
        p.submittedAt ?? null,
        p.updatedAt,
      ]),
      `ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, lifecycle = EXCLUDED.lifecycle, doc = EXCLUDED.doc, version = EXCLUDED.version,
         submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at`,
    );
    const checkIns = states.flatMap((s) => [...s.dirty.checkIns].map((id) => s.checkIns.get(id)));
    await insertRows(
      q,
      'INSERT INTO check_ins (id, council_id, young_person_id, doc, at, help, help_seen, lifecycle)',
      8,
      checkIns.map((c) => [
        c.id,
        c.councilId,
        c.youngPersonId,
        JSON.stringify(c.doc),
        c.at,
        c.help,
        c.helpSeen,
        JSON.stringify(c.lifecycle),
      ]),
      'ON CONFLICT (id) DO UPDATE SET help_seen = EXCLUDED.help_seen, lifecycle = EXCLUDED.lifecycle',
    );
    const arrangements = states.flatMap((s) => [...s.dirty.arrangements].map((id) => s.arrangements.get(id)));
    await insertRows(
      q,
      'INSERT INTO arrangements (id, council_id, young_person_id, state, lifecycle, agreement, carer_user_ids, supervising_social_worker_id, version, updated_at)',
      10,
      arrangements.map((a) => [
        a.id,
        a.councilId,
        a.youngPersonId,
        a.state,
        JSON.stringify(a.lifecycle),
        a.agreement ? JSON.stringify(a.agreement) : null,
        JSON.stringify(a.carerUserIds),
        a.supervisingSocialWorkerId ?? null,
        a.version,
        a.updatedAt,
      ]),
      `ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, lifecycle = EXCLUDED.lifecycle, agreement = EXCLUDED.agreement, carer_user_ids = EXCLUDED.carer_user_ids,
         supervising_social_worker_id = EXCLUDED.supervising_social_worker_id, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    );
    for (const s of states) {
      s.dirty.youngPerson = false;
      s.dirty.plans.clear();
      s.dirty.checkIns.clear();
      s.dirty.arrangements.clear();
    }
  }
  /** Throws away the projections (of one council, or all) and replays every event into them. */
  async rebuildProjections(councilId) {
    await this.db.transaction(async (q) => {
      for (const table of ['plans', 'check_ins', 'arrangements', 'young_people']) {
        await q.query(`DELETE FROM ${table} WHERE ($1::text IS NULL OR council_id = $1)`, [councilId ?? null]);
      }
      const rows = await q.query(
        'SELECT * FROM events WHERE ($1::text IS NULL OR council_id = $1) ORDER BY young_person_id, sequence',
        [councilId ?? null],
      );
      const states = /* @__PURE__ */ new Map();
      for (const r2 of rows) {
        const e = toEvent(r2);
        let s = states.get(e.youngPersonId);
        if (!s) {
          s = emptyState();
          states.set(e.youngPersonId, s);
        }
        applyEvent(s, e);
      }
      await this.writeStates(q, [...states.values()]);
    });
  }
  async listEvents(youngPersonId) {
    const rows = await this.db.query('SELECT * FROM events WHERE young_person_id = $1 ORDER BY sequence', [
      youngPersonId,
    ]);
    return rows.map(toEvent);
  }
  async getYoungPerson(id) {
    const [r2] = await this.db.query(`SELECT ${YP_COLUMNS} FROM young_people WHERE id = $1`, [id]);
    return r2 ? toYoungPerson(r2) : void 0;
  }
  async listYoungPeople(councilId, scope = {}) {
    const rows = await this.db.query(
      `SELECT ${YP_COLUMNS} FROM young_people WHERE council_id = $1
         AND ($2::text IS NULL OR pa_id = $2) AND ($3::text IS NULL OR social_worker_id = $3)
         AND ($4::text IS NULL OR team_id = $4) AND ($5::text[] IS NULL OR id = ANY($5))
       ORDER BY name, id`,
      [councilId, scope.paId ?? null, scope.socialWorkerId ?? null, scope.teamId ?? null, scope.ids ?? null],
    );
    return rows.map(toYoungPerson);
  }
  async getPlan(id) {
    const [r2] = await this.db.query('SELECT * FROM plans WHERE id = $1', [id]);
    return r2 ? toPlan(r2) : void 0;
  }
  async listPlans(filter) {
    const rows = await this.db.query(
      `SELECT * FROM plans WHERE ($1::text[] IS NULL OR young_person_id = ANY($1)) AND ($2::text IS NULL OR council_id = $2)
         AND ($3::text IS NULL OR state = $3) ORDER BY doc->>'started' DESC, id`,
      [filter.youngPersonIds ?? null, filter.councilId ?? null, filter.state ?? null],
    );
    return rows.map(toPlan);
  }
  async getCheckIn(id) {
    const [r2] = await this.db.query('SELECT * FROM check_ins WHERE id = $1', [id]);
    return r2 ? toCheckIn(r2) : void 0;
  }
  async listCheckIns(filter) {
    const rows = await this.db.query(
      `SELECT * FROM check_ins WHERE ($1::text[] IS NULL OR young_person_id = ANY($1)) AND ($2::text IS NULL OR council_id = $2)
         AND (NOT $3::boolean OR help) ORDER BY at DESC, id LIMIT $4`,
      [filter.youngPersonIds ?? null, filter.councilId ?? null, filter.helpOnly ?? false, filter.limit ?? 1e3],
    );
    return rows.map(toCheckIn);
  }
  async getArrangement(id) {
    const [r2] = await this.db.query('SELECT * FROM arrangements WHERE id = $1', [id]);
    return r2 ? toArrangement(r2) : void 0;
  }
  async listArrangements(filter) {
    const rows = await this.db.query(
      `SELECT * FROM arrangements WHERE ($1::text[] IS NULL OR young_person_id = ANY($1)) AND ($2::text IS NULL OR council_id = $2)
         AND ($3::text IS NULL OR carer_user_ids @> jsonb_build_array($3::text))
         AND ($4::text IS NULL OR supervising_social_worker_id = $4) ORDER BY updated_at DESC, id`,
      [
        filter.youngPersonIds ?? null,
        filter.councilId ?? null,
        filter.carerUserId ?? null,
        filter.supervisingSocialWorkerId ?? null,
      ],
    );
    return rows.map(toArrangement);
  }
  // ---------------------------------------------------------------- frozen plans
  async freezePlan(input, tx) {
    await (tx ?? this.db).query(
      'INSERT INTO frozen_plans (plan_id, council_id, young_person_id, doc, pdf, authorised_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [input.planId, input.councilId, input.youngPersonId, JSON.stringify(input.doc), input.pdf ?? null, input.at],
    );
  }
  async getFrozenPlan(planId) {
    const [r2] = await this.db.query('SELECT * FROM frozen_plans WHERE plan_id = $1', [planId]);
    if (!r2) return void 0;
    return {
      planId: String(r2.plan_id),
      councilId: String(r2.council_id),
      youngPersonId: String(r2.young_person_id),
      doc: json(r2.doc),
      ...(r2.pdf ? { pdf: new Uint8Array(r2.pdf) } : {}),
      authorisedAt: iso(r2.authorised_at),
    };
  }
  transaction(fn) {
    return this.db.transaction(fn);
  }
  // ---------------------------------------------------------------- sessions
  async createSession(userId, councilId, now, lifetimeMs) {
    const id = randomToken();
    const csrfToken = randomToken();
    await this.db.query(
      'INSERT INTO sessions (id_hash, user_id, council_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $5)',
      [sha256(id), userId, councilId, csrfToken, now.toISOString(), new Date(now.getTime() + lifetimeMs).toISOString()],
    );
    return { id, csrfToken };
  }
  async getSession(id) {
    const [r2] = await this.db.query('SELECT * FROM sessions WHERE id_hash = $1', [sha256(id)]);
    if (!r2) return void 0;
    return {
      userId: String(r2.user_id),
      councilId: String(r2.council_id),
      csrfToken: String(r2.csrf_token),
      createdAt: iso(r2.created_at),
      expiresAt: iso(r2.expires_at),
      lastSeenAt: iso(r2.last_seen_at),
    };
  }
  async touchSession(id, now) {
    await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [sha256(id), now.toISOString()]);
  }
  async deleteSession(id) {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(id)]);
  }
  /** Ends every session of a user, except optionally one (a password change keeps the current one). */
  async deleteUserSessions(userId, exceptId) {
    const rows = await this.db.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2 RETURNING 1', [
      userId,
      exceptId ? sha256(exceptId) : '',
    ]);
    return rows.length;
  }
  async countSessions(userId) {
    const [r2] = await this.db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]);
    return Number(r2?.n ?? 0);
  }
  // ---------------------------------------------------------------- invitations
  async createInvitation(input) {
    const token = randomToken();
    const now = input.now ?? /* @__PURE__ */ new Date();
    const expiresAt = new Date(now.getTime() + (input.ttlHours ?? 24 * 7) * 36e5).toISOString();
    await this.db.query(
      'INSERT INTO invitations (token_hash, council_id, young_person_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [sha256(token), input.councilId, input.youngPersonId, input.createdBy, now.toISOString(), expiresAt],
    );
    return { token, expiresAt };
  }
  async getInvitation(token, now) {
    const [r2] = await this.db.query(
      'SELECT * FROM invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
      [sha256(token), now.toISOString()],
    );
    return r2
      ? { councilId: String(r2.council_id), youngPersonId: String(r2.young_person_id), expiresAt: iso(r2.expires_at) }
      : void 0;
  }
  /** Uses the invitation (once) and creates the young person's sign-in. Undefined when the link is used or expired. */
  async acceptInvitation(token, input) {
    const hash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const [r2] = await tx.query(
        'UPDATE invitations SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING council_id, young_person_id',
        [sha256(token), input.now.toISOString()],
      );
      if (!r2) return void 0;
      return this.insertYoungPersonUser(tx, {
        councilId: String(r2.council_id),
        youngPersonId: String(r2.young_person_id),
        email: input.email,
        hash,
      });
    });
  }
  // ---------------------------------------------------------------- API tokens
  async createApiToken(input) {
    const id = newId('tok');
    const token = `onw_${randomToken()}`;
    await this.db.query(
      'INSERT INTO api_tokens (id, council_id, name, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, now())',
      [id, input.councilId, input.name, sha256(token), input.createdBy],
    );
    return { id, token };
  }
  async findApiToken(token) {
    const [r2] = await this.db.query(
      'SELECT id, council_id, name FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [sha256(token)],
    );
    return r2 ? { id: String(r2.id), councilId: String(r2.council_id), name: String(r2.name) } : void 0;
  }
  async listApiTokens(councilId) {
    const rows = await this.db.query('SELECT * FROM api_tokens WHERE council_id = $1 ORDER BY created_at', [councilId]);
    return rows.map((r2) => ({
      id: String(r2.id),
      name: String(r2.name),
      createdAt: iso(r2.created_at),
      ...(r2.revoked_at ? { revokedAt: iso(r2.revoked_at) } : {}),
    }));
  }
  async revokeApiToken(councilId, id) {
    const rows = await this.db.query(
      'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND council_id = $2 AND revoked_at IS NULL RETURNING 1',
      [id, councilId],
    );
    return rows.length > 0;
  }
  // ---------------------------------------------------------------- audit
  async recordAudit(entries) {
    await insertRows(
      this.db,
      'INSERT INTO audit_log (council_id, at, actor_id, actor_role, action, record_type, record_id, young_person_id, request_id)',
      9,
      entries.map((a) => [
        a.councilId,
        a.at,
        a.actorId,
        a.actorRole,
        a.action,
        a.recordType,
        a.recordId,
        a.youngPersonId ?? null,
        a.requestId,
      ]),
    );
  }
  async queryAudit(filter) {
    const rows = await this.db.query(
      `SELECT * FROM audit_log WHERE council_id = $1 AND ($2::text[] IS NULL OR young_person_id = ANY($2))
         AND ($3::text IS NULL OR actor_id = $3) AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at <= $5)
       ORDER BY at DESC, id DESC LIMIT $6`,
      [
        filter.councilId,
        filter.youngPersonIds ?? null,
        filter.actorId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.limit,
      ],
    );
    return rows.map((r2) => ({
      id: Number(r2.id),
      councilId: String(r2.council_id),
      at: iso(r2.at),
      actorId: String(r2.actor_id),
      actorRole: String(r2.actor_role),
      action: r2.action,
      recordType: String(r2.record_type),
      recordId: String(r2.record_id),
      ...(r2.young_person_id ? { youngPersonId: String(r2.young_person_id) } : {}),
      requestId: String(r2.request_id),
    }));
  }
  // ---------------------------------------------------------------- webhooks
  async createWebhook(input) {
    const w = {
      id: newId('wh'),
      councilId: input.councilId,
      url: input.url,
      secret: `whsec_${randomToken()}`,
      events: input.events,
      createdAt: /* @__PURE__ */ new Date().toISOString(),
      disabled: false,
    };
    await this.db.query(
      'INSERT INTO webhooks (id, council_id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [w.id, w.councilId, w.url, w.secret, JSON.stringify(w.events), w.createdAt],
    );
    return w;
  }
  async listWebhooks(councilId, eventType) {
    const rows = await this.db.query(
      'SELECT * FROM webhooks WHERE council_id = $1 AND ($2::text IS NULL OR (events @> jsonb_build_array($2::text) AND NOT disabled)) ORDER BY created_at',
      [councilId, eventType ?? null],
    );
    return rows.map((r2) => ({
      id: String(r2.id),
      councilId: String(r2.council_id),
      url: String(r2.url),
      secret: String(r2.secret),
      events: json(r2.events),
      createdAt: iso(r2.created_at),
      disabled: Boolean(r2.disabled),
    }));
  }
  async createDelivery(input) {
    const id = newId('dlv');
    await this.db.query(
      "INSERT INTO webhook_deliveries (id, council_id, webhook_id, event_type, body, status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)",
      [id, input.councilId, input.webhookId, input.eventType, input.body, input.now.toISOString()],
    );
    return id;
  }
  async recordAttempt(input) {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO webhook_attempts (delivery_id, attempt, at, response_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          input.deliveryId,
          input.attempt,
          input.at.toISOString(),
          input.responseStatus ?? null,
          input.error ?? null,
          input.durationMs,
        ],
      );
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, status = $3, next_attempt_at = $4,
           delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz ELSE NULL END WHERE id = $1`,
        [
          input.deliveryId,
          input.attempt,
          input.status,
          input.nextAttemptAt?.toISOString() ?? null,
          input.at.toISOString(),
        ],
      );
    });
  }
  async listDeliveries(filter) {
    const rows = await this.db.query(
      `SELECT * FROM webhook_deliveries WHERE council_id = $1 AND ($2::text IS NULL OR webhook_id = $2) AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC, id LIMIT 500`,
      [filter.councilId, filter.webhookId ?? null, filter.status ?? null],
    );
    const ids = rows.map((r2) => String(r2.id));
    const attempts = ids.length
      ? await this.db.query('SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY attempt', [ids])
      : [];
    return rows.map((r2) => ({
      id: String(r2.id),
      councilId: String(r2.council_id),
      webhookId: String(r2.webhook_id),
      eventType: String(r2.event_type),
      body: String(r2.body),
      status: r2.status,
      attempts: Number(r2.attempts),
      ...(r2.next_attempt_at ? { nextAttemptAt: iso(r2.next_attempt_at) } : {}),
      createdAt: iso(r2.created_at),
      ...(isoOrUndef(r2.delivered_at) ? { deliveredAt: iso(r2.delivered_at) } : {}),
      log: attempts
        .filter((a) => a.delivery_id === r2.id)
        .map((a) => ({
          attempt: Number(a.attempt),
          at: iso(a.at),
          ...(a.response_status !== null ? { responseStatus: Number(a.response_status) } : {}),
          ...(str(a.error) ? { error: String(a.error) } : {}),
          durationMs: Number(a.duration_ms),
        })),
    }));
  }
};

// examples/reference-app/src/seed.ts
import {
  DOMAINS,
  emptyChecklist,
  questionSet,
  setAnswer,
  validateAgreement,
  validateCheckIn,
  validateChecklist,
  validatePlan,
} from '@onward/engine';

// examples/reference-app/src/seed/prng.ts
var Random = class _Random {
  state;
  seed;
  constructor(seed) {
    this.seed = seed >>> 0;
    this.state = (seed ^ 2654435769) >>> 0;
  }
  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 1831565813) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max], both included. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    if (items.length === 0) throw new Error('pick() needs at least one item.');
    return items[Math.floor(this.next() * items.length)];
  }
  /** Pick by weight: [[value, weight], …]. */
  weighted(items) {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r2 = this.next() * total;
    for (const [v, w] of items) {
      r2 -= w;
      if (r2 < 0) return v;
    }
    return items[items.length - 1][0];
  }
  /** A new generator derived from this one and a label, so adding data in one place does not shift another. */
  fork(label) {
    let h = 2166136261;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
    return new _Random((h ^ Math.imul(this.seed, 2654435761)) >>> 0);
  }
};

// examples/reference-app/src/seed/words.ts
var FIRST_NAMES = [
  'Aaliyah',
  'Aaron',
  'Abdi',
  'Adam',
  'Aisha',
  'Alfie',
  'Amara',
  'Amir',
  'Amy',
  'Archie',
  'Ayesha',
  'Bailey',
  'Bethany',
  'Bilal',
  'Brandon',
  'Caitlin',
  'Callum',
  'Chantelle',
  'Charlie',
  'Chloe',
  'Connor',
  'Courtney',
  'Daniel',
  'Demi',
  'Dylan',
  'Ebony',
  'Ellie',
  'Eman',
  'Ethan',
  'Faith',
  'Fatima',
  'Finley',
  'Freya',
  'Georgia',
  'Hamza',
  'Harley',
  'Harvey',
  'Hassan',
  'Holly',
  'Imani',
  'Isaac',
  'Jade',
  'Jake',
  'Jamal',
  'Jasmine',
  'Jay',
  'Jordan',
  'Josh',
  'Kacey',
  'Kai',
  'Kayla',
  'Keira',
  'Kian',
  'Kyle',
  'Lacey',
  'Leah',
  'Leon',
  'Lewis',
  'Liam',
  'Lily',
  'Logan',
  'Louis',
  'Macy',
  'Maddison',
  'Marcus',
  'Mason',
  'Maya',
  'Megan',
  'Mia',
  'Mohammed',
  'Molly',
  'Nadia',
  'Nathan',
  'Niamh',
  'Nyla',
  'Oliver',
  'Paige',
  'Precious',
  'Reece',
  'Riley',
  'Rio',
  'Rosie',
  'Ruby',
  'Ryan',
  'Sadia',
  'Sam',
  'Shannon',
  'Sienna',
  'Skye',
  'Sofia',
  'Summer',
  'Tariq',
  'Taylor',
  'Tia',
  'Tyler',
  'Tyrese',
  'Zac',
  'Zara',
  'Zion',
];
var UASC_FIRST_NAMES = [
  'Ahmad',
  'Ali',
  'Dawit',
  'Filmon',
  'Habib',
  'Hagos',
  'Kidane',
  'Mahmoud',
  'Mustafa',
  'Omid',
  'Samiullah',
  'Selam',
  'Yonas',
  'Zakaria',
  'Reza',
  'Senait',
];
var WELSH_FIRST_NAMES = [
  'Aled',
  'Alaw',
  'Carys',
  'Cerys',
  'Dafydd',
  'Elin',
  'Ffion',
  'Gethin',
  'Gwen',
  'Ioan',
  'Lowri',
  'Mali',
  'Osian',
  'Rhodri',
  'Seren',
  'Si\xF4n',
  'Tomos',
  'Nia',
  'Ll\u0177r',
  'Gwenllian',
];
var SURNAMES = [
  'Adams',
  'Ahmed',
  'Ali',
  'Allen',
  'Bailey',
  'Baker',
  'Begum',
  'Bell',
  'Bennett',
  'Brown',
  'Campbell',
  'Carter',
  'Clarke',
  'Cole',
  'Collins',
  'Cooper',
  'Cox',
  'Davies',
  'Edwards',
  'Evans',
  'Fletcher',
  'Francis',
  'Gordon',
  'Graham',
  'Green',
  'Hall',
  'Harris',
  'Hill',
  'Holmes',
  'Hughes',
  'Hussain',
  'Jackson',
  'James',
  'Johnson',
  'Jones',
  'Kaur',
  'Kelly',
  'Khan',
  'King',
  'Knight',
  'Lee',
  'Lewis',
  'Lloyd',
  'Marshall',
  'Martin',
  'Mason',
  'Miah',
  'Mills',
  'Mitchell',
  'Moore',
  'Morgan',
  'Murphy',
  "O'Brien",
  'Osei',
  'Owen',
  'Palmer',
  'Parker',
  'Patel',
  'Phillips',
  'Price',
  'Reid',
  'Richards',
  'Roberts',
  'Robinson',
  'Rose',
  'Scott',
  'Shaw',
  'Singh',
  'Smith',
  'Stevens',
  'Taylor',
  'Thomas',
  'Thompson',
  'Turner',
  'Walker',
  'Ward',
  'Watson',
  'White',
  'Williams',
  'Wilson',
  'Wood',
  'Wright',
  'Young',
];
var UASC_SURNAMES = [
  'Tesfay',
  'Haile',
  'Ghebremedhin',
  'Ahmadi',
  'Rahimi',
  'Karimi',
  'Mohammadi',
  'Abdullah',
  'Yusuf',
  'Berhane',
  'Nazari',
  'Hosseini',
];
var WELSH_SURNAMES = [
  'Jones',
  'Williams',
  'Davies',
  'Evans',
  'Thomas',
  'Roberts',
  'Hughes',
  'Lewis',
  'Morgan',
  'Griffiths',
  'Pritchard',
  'Rees',
  'Jenkins',
  'Prosser',
  'Llewellyn',
  'Bowen',
];
var STREETS = [
  'Mill Lane',
  'Station Road',
  'Chapel Street',
  'Park View',
  'Victoria Road',
  'Church Close',
  'Orchard Way',
  'Canal Walk',
  'Brook Street',
  'Meadow Rise',
];
var NOTES_NO = {
  housing: [
    'the heating only works in the front room and its freezing at night',
    'I only get wifi when I go to the library or maccies',
    'my data runs out by the middle of the month so I cant get online',
    "there's damp in the bedroom and the landlord isn't doing anything",
    'I dont know how long I can stay here, nobody has told me',
    "I'm sofa surfing at my mate's at the minute",
    "don't really feel safe, people keep knocking late",
    'no fridge yet, keeping milk on the windowsill',
    'bus fare to college is a lot every week',
  ],
  health: [
    'I havent registered with a GP since I moved',
    'I keep missing appointments because the letters go to my old address',
    'my anxiety has been bad again, cant sleep',
    'on the waiting list for CAMHS then they said I was too old',
    'I want to cut down on weed but its hard when everyone around me smokes',
    'I get really low some days and dont leave my room',
  ],
  relationships: [
    "I don't see my little brother since he got moved",
    "mum's not answering my calls",
    'I only really talk to my PA tbh',
    "fell out with my friends from school, don't really have anyone now",
    'my ex keeps messaging me and it makes me feel on edge',
  ],
  activities: [
    'I used to play football but I cant afford the subs',
    'nothing round here to do that is free',
    "I'd like to go to the gym but its too expensive",
  ],
  money: [
    "universal credit doesn't last the month",
    "I owe on my phone contract and I don't know what to do",
    'I got a letter about council tax and I dont understand it',
    'never have anything left after bills',
    'I dont know what grants I can get',
  ],
  careers: [
    "dropped out of college, it wasn't for me",
    'want to do an apprenticeship in mechanics but not sure how',
    'I keep applying for jobs and hearing nothing back',
    'I need my maths GCSE to get on the course',
    'zero hours at the warehouse, some weeks I get nothing',
  ],
  independence: [
    'I lost my birth certificate when I moved placements',
    "I don't have a passport and I need ID for everything",
    'I can make pasta and that is about it',
    "don't know my NI number",
    "I'd like to learn to drive but lessons cost loads",
  ],
  identity: [
    "I don't know much about my dad's side of the family",
    "I want to see my file but I don't know how to ask",
    'I want to learn more about where my family is from',
    'waiting to hear from the Home Office, its been over a year',
    "I don't always feel like I belong anywhere",
  ],
};
var NOTES_YES = {
  housing: [
    'love my flat, first place that feels like mine',
    'my carers said I can stay till I finish college',
    'got my own room finally',
  ],
  health: ['going to the gym 3 times a week now', 'my new GP is really nice', 'counselling is helping'],
  relationships: [
    'I see my nan every Sunday',
    'my PA is always there when I need her',
    'me and my sister are close again',
  ],
  activities: ['joined a boxing club', 'I do drama on Thursdays', 'I go to the youth club on a Friday'],
  money: ['saving \xA310 a week for driving lessons', 'I use a budgeting app now', 'paid off my phone arrears!!'],
  careers: ['started my level 2 in hair and beauty', 'got the job at the garage', 'passed my English'],
  independence: ['I can cook a proper roast now', 'got my provisional', 'got my passport back'],
  identity: ['I go to mosque with my uncle', 'proud of who I am', 'I found out about my grandad'],
};
var NOTES_CY_NO = [
  "mae'r gwres yn torri o hyd a does neb yn dod i'w drwsio",
  'does dim wifi yn y fflat, rhaid i fi fynd i\u2019r llyfrgell',
  'dw i ddim yn gwybod pa mor hir alla i aros yma',
  "dw i'n poeni am arian bob wythnos",
  'hoffwn i weld fy mrawd bach yn amlach',
  "mae'n anodd cael apwyntiad gyda'r meddyg",
];
var NOTES_CY_YES = [
  "dw i'n hapus iawn yn fy fflat newydd",
  'dw i wedi dechrau cwrs yn y coleg',
  'mae fy ngofalwyr yn gefnogol iawn',
  "dw i'n chwarae rygbi bob dydd Sadwrn",
];
var CHECK_IN_NOTES_BAD = [
  'can you ring me, its about the flat',
  'had a really bad week',
  'need help with a letter I got',
  'my money got stopped',
  'struggling a bit tbh',
];
var CHECK_IN_NOTES_GOOD = ['good week!', 'passed my test', 'feeling better', 'all good with me'];
var CHECK_IN_NOTES_CY = ['wythnos dda', 'dw i angen help gyda llythyr', 'popeth yn iawn'];
var VIEWS_YP = [
  'I want to get my own flat by the time I am 19 and keep my job.',
  'Mostly happy. I just want more help with money and to see my brother.',
  "I don't want to move again this year. I want to finish college first.",
  'My plan is to pass my driving test and get a job in a garage.',
  "I'm doing alright. I want to go back to college in September.",
  'I want to stay with my carers until I finish my course.',
  'I need help sorting my ID so I can open a bank account.',
];
var VIEWS_YP_CY = [
  'Dw i eisiau aros gyda fy ngofalwyr tan i fi orffen y coleg.',
  "Dw i'n hapus gyda'r cynllun. Hoffwn i gael help gyda arian.",
];
var GOALS = {
  housing: [
    {
      goal: 'Get the heating fixed before winter',
      actions: [
        ['Report the broken boiler to the landlord in writing', 'yp'],
        ['Chase the landlord and the housing officer', 'pa'],
      ],
    },
    {
      goal: 'Get online at home',
      actions: [
        ['Apply for a data voucher from the care leavers fund', 'pa'],
        ['Compare broadband deals together', 'yp'],
      ],
    },
    { goal: 'Join the housing register', actions: [['Fill in the housing register form together', 'pa']] },
  ],
  health: [
    {
      goal: 'Register with a GP near the new flat',
      actions: [['Find the nearest GP surgery and register online', 'yp']],
    },
    {
      goal: 'Get support for anxiety',
      actions: [
        ['Refer to the care leavers emotional wellbeing service', 'pa'],
        ['Go to the first appointment', 'yp'],
      ],
    },
  ],
  relationships: [
    { goal: 'See my brother once a month', actions: [['Ask his social worker about regular contact', 'pa']] },
  ],
  activities: [
    { goal: 'Start going to the gym', actions: [['Apply for the free leisure pass for care leavers', 'pa']] },
  ],
  money: [
    {
      goal: 'Make a budget that lasts the month',
      actions: [
        ['Do the budgeting session with the money adviser', 'yp'],
        ['Book the money adviser', 'pa'],
      ],
    },
    {
      goal: 'Sort out the phone arrears',
      actions: [['Call the phone company together and ask for a payment plan', 'pa']],
    },
  ],
  careers: [
    {
      goal: 'Start an apprenticeship',
      actions: [
        ['Book a careers appointment', 'pa'],
        ['Write a CV', 'yp'],
      ],
    },
    { goal: 'Pass GCSE maths', actions: [['Enrol on the evening class at college', 'yp']] },
  ],
  independence: [
    {
      goal: 'Get photo ID',
      actions: [
        ['Order a copy of the birth certificate', 'pa'],
        ['Apply for a provisional driving licence', 'yp'],
      ],
    },
    { goal: 'Learn to cook five meals', actions: [['Join the cooking sessions at the hub', 'yp']] },
  ],
  identity: [
    { goal: 'Read my care file', actions: [['Make a request for my records', 'pa']] },
    {
      goal: 'Understand where my asylum claim is',
      actions: [['Book an appointment with the immigration solicitor', 'pa']],
    },
  ],
};
var ENGAGEMENT_NOTES = [
  'Texted to arrange a visit, no reply.',
  'Called twice, went to voicemail.',
  'Visited the flat, nobody home. Left a card.',
  'Sent a letter with a date for the review.',
  'Young person said they did not want to do the plan this time.',
];
var RETURN_COMMENTS = [
  'Please add what we are doing about the heating and by when.',
  'The contingency plan is missing. What happens if the placement ends?',
  "Please add the young person's own view of the plan.",
  'The goal on money needs an action with a date.',
];

// examples/reference-app/src/seed.ts
var STAYING_PUT_STEPS = [
  'identified',
  'discussed',
  'in-plan',
  'agreement-meeting',
  'agreement-drafted',
  'signed',
  'approved',
  'checks',
  'active',
  'ended',
];
var DEMO_PASSWORD = 'leaving-care-demo';
var DAY = 864e5;
function parseDate(d) {
  return Date.parse(`${d}T00:00:00Z`);
}
function iso2(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function addDays(d, n) {
  return iso2(parseDate(d) + n * DAY);
}
function addMonths2(d, n) {
  const t = new Date(parseDate(d));
  const day = t.getUTCDate();
  t.setUTCDate(1);
  t.setUTCMonth(t.getUTCMonth() + n);
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(day, last));
  return iso2(t.getTime());
}
function addYears(d, n) {
  return addMonths2(d, 12 * n);
}
function at(r2, d) {
  return `${d}T${String(r2.int(9, 17)).padStart(2, '0')}:${String(r2.int(0, 59)).padStart(2, '0')}:00.000Z`;
}
function ageOn(dateOfBirth, day) {
  const [y1, m1, d1] = dateOfBirth.split('-').map(Number);
  const [y2, m2, d2] = day.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}
function slugEmail(name, domain) {
  return `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@${domain}`;
}
var BASE_YES = {
  'housing.register': 0.45,
  'housing.next-move': 0.45,
  'housing.manage-home': 0.55,
  'housing.tenant-rights': 0.5,
  'money.debt': 0.55,
  'money.enough': 0.45,
  'money.entitlements': 0.5,
  'careers.work-experience': 0.45,
  'careers.qualifications': 0.5,
  'independence.passport': 0.4,
  'independence.driving-licence': 0.3,
  'independence.cook': 0.6,
  'identity.past': 0.55,
  'health.emotions': 0.55,
  'activities.sport': 0.45,
};
var OFTEN_NOT_RELEVANT = {
  'housing.register': 0.25,
  'housing.tenant-rights': 0.1,
  'money.debt': 0.3,
  'relationships.relationships': 0.15,
  'independence.driving-licence': 0.15,
  'identity.sexuality': 0.2,
  'health.drugs-alcohol': 0.15,
};
function answerFor(r2, q, p, improvement) {
  if (q.id === 'identity.asylum') return p.uasc ? (r2.chance(0.5 + improvement) ? 'yes' : 'no') : 'not-relevant';
  if (q.id === 'housing.internet') return p.internet ? 'yes' : 'no';
  if (q.id === 'independence.passport' && p.uasc) return 'no';
  const nr = OFTEN_NOT_RELEVANT[q.id] ?? 0.02;
  if (r2.chance(nr)) return 'not-relevant';
  const base = q.kind === 'help' ? 0.7 : (BASE_YES[q.id] ?? 0.75);
  const yes = Math.min(0.97, Math.max(0.05, base + (p.wellbeing - 0.5) * 0.6 + improvement));
  return r2.chance(yes) ? 'yes' : 'no';
}
function buildChecklist(r2, p, previous, who, day, improvement, specialNote) {
  const set = questionSet();
  let doc = emptyChecklist(set);
  const welsh = who.locale.startsWith('cy');
  const questions = set.questions;
  for (const q of questions) {
    const prev = previous ? getPrev(previous, q) : void 0;
    let value;
    if (prev && !r2.chance(0.18)) value = prev;
    else value = answerFor(r2, q, p, improvement);
    let note;
    const domain = q.domain;
    if (value === 'no' && r2.chance(0.22))
      note = welsh && r2.chance(0.7) ? r2.pick(NOTES_CY_NO) : r2.pick(NOTES_NO[domain]);
    else if (value === 'yes' && r2.chance(0.04))
      note = welsh && r2.chance(0.7) ? r2.pick(NOTES_CY_YES) : r2.pick(NOTES_YES[domain]);
    if (q.id === 'housing.internet' && value === 'no' && r2.chance(0.5))
      note = welsh
        ? 'does dim wifi yn y fflat, rhaid i fi fynd i\u2019r llyfrgell'
        : r2.pick(NOTES_NO.housing.slice(1, 3));
    if (specialNote && q.id === 'independence.online-safety') {
      value = 'yes';
      note = specialNote;
    }
    const help = who.by !== 'worker' && value === 'no' && q.kind !== 'help' && r2.chance(0.28);
    const minute = r2.int(0, 50);
    doc = setAnswer(
      set,
      doc,
      q.id,
      { value, ...(note ? { note } : {}), help },
      {
        by: who.by,
        locale: who.locale,
        variant: who.variant,
        at: `${day}T${String(10 + (minute % 7)).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`,
      },
    );
  }
  const checked = validateChecklist(doc);
  if (!checked.ok)
    throw new Error(
      `Seed made an invalid checklist: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return doc;
}
function getPrev(doc, q) {
  const d = doc.answers[q.domain];
  return d?.[q.key]?.value;
}
var ACTIVITY = [
  ['F1', 6],
  ['P1', 1],
  ['F2', 22],
  ['P2', 4],
  ['F4', 6],
  ['P4', 1],
  ['F5', 14],
  ['P5', 8],
  ['G4', 8],
  ['G5', 22],
  ['G6', 6],
];
var ACCOM_18 = [
  ['U', 32],
  ['D', 18],
  ['E', 8],
  ['B', 10],
  ['T', 5],
  ['K', 5],
  ['Y', 3],
  ['V', 2],
  ['W', 1],
  ['S', 1],
  ['X', 2],
];
var ACCOM_17 = [
  ['C', 10],
  ['D', 30],
  ['E', 20],
  ['B', 8],
  ['Y', 32],
];
function ssda903(r2, age, p, stayingPutActive) {
  if (age < 17) return void 0;
  const inTouch =
    p.engages === 'never'
      ? r2.weighted([
          ['YES', 60],
          ['NO', 20],
          ['REFU', 20],
        ])
      : r2.weighted([
          ['YES', 95],
          ['NREQ', 2],
          ['RHOM', 2],
          ['NO', 1],
        ]);
  if (inTouch !== 'YES') return { inTouch, activity: '0', accommodation: '0' };
  let activity = r2.weighted(ACTIVITY);
  if (p.wellbeing > 0.6 && activity.startsWith('G') && r2.chance(0.5)) activity = 'F2';
  let type;
  if (stayingPutActive) type = 'Z';
  else type = r2.weighted(age < 18 ? ACCOM_17 : ACCOM_18);
  let suitable = type === 'S' || type === 'X' ? 2 : r2.chance(0.85 + (p.wellbeing - 0.5) * 0.2) ? 1 : 2;
  if (type === 'Z') suitable = 1;
  return {
    inTouch,
    activity,
    accommodation: `${type}${suitable}`,
  };
}
function person(s) {
  return { id: s.id, name: s.name };
}
function makeGoals(r2, domain, pa, ypName, from, n, planId) {
  const pool = GOALS[domain];
  const goals = [];
  for (let i = 0; i < Math.min(n, pool.length); i++) {
    const g = pool[(i + r2.int(0, pool.length - 1)) % pool.length];
    if (goals.some((x) => x.goal === g.goal)) continue;
    goals.push({
      id: `${planId}.${domain}.g${i + 1}`,
      goal: g.goal,
      actions: g.actions.map(([what, who], j) => ({
        id: `${planId}.${domain}.g${i + 1}.a${j + 1}`,
        what,
        who: who === 'pa' ? pa.name : who === 'yp' ? ypName : 'Housing officer',
        byWhen: addDays(from, r2.int(14, 120)),
        ...(r2.chance(0.3) ? { done: true } : {}),
      })),
    });
  }
  return goals;
}
function buildPlans(ctx, yp2, p, pa, manager, sw) {
  const { r: r2, today } = ctx;
  const plans2 = [];
  const sixteen = addYears(yp2.dateOfBirth, 16);
  let start =
    parseDate(sixteen) > parseDate(addMonths2(today, -24))
      ? addDays(sixteen, r2.int(30, 80))
      : addDays(addMonths2(today, -24), r2.int(0, 170));
  let previous;
  let previousId;
  let n = 0;
  const locale = yp2.language === 'cy' ? 'cy' : 'en-GB';
  const variant = yp2.easyRead ? 'easy' : 'standard';
  while (parseDate(start) <= parseDate(today) && ageOn(yp2.dateOfBirth, addDays(start, 70)) < 25) {
    n++;
    const id = `${yp2.id}.plan${n}`;
    const attempts = [];
    let completedBy;
    let by;
    const engages =
      p.engages === 'never'
        ? r2.chance(0.8)
          ? 'never'
          : 'phone'
        : p.engages === 'alone' && r2.chance(0.3)
          ? 'together'
          : p.engages;
    const history = [{ type: 'plan.start', at: at(r2, start), by: pa.id }];
    if (engages === 'never') {
      const methods = ['message', 'phone', 'in-person', 'letter'];
      for (let i = 0; i < 3; i++) {
        const day = addDays(start, 3 + i * r2.int(4, 9));
        attempts.push({
          at: at(r2, day),
          method: methods[i % methods.length],
          outcome: r2.chance(0.8) ? 'no-reply' : 'declined',
          note: ENGAGEMENT_NOTES[i % ENGAGEMENT_NOTES.length],
        });
      }
      completedBy = 'worker-without-young-person';
      by = 'worker';
    } else {
      if (r2.chance(0.35))
        attempts.push({
          at: at(r2, addDays(start, 2)),
          method: 'message',
          outcome: 'no-reply',
          note: ENGAGEMENT_NOTES[0],
        });
      const method = engages === 'phone' ? 'phone' : engages === 'alone' ? 'message' : r2.pick(['in-person', 'video']);
      attempts.push({ at: at(r2, addDays(start, r2.int(5, 14))), method, outcome: 'engaged' });
      completedBy = engages === 'alone' ? 'young-person' : engages === 'phone' ? 'together-by-phone' : 'together';
      by = engages === 'alone' ? 'young-person' : 'together';
    }
    for (const a of attempts) history.push({ type: 'plan.engagement', at: a.at, by: pa.id });
    const answeredDay = addDays(start, r2.int(15, 20));
    const age = ageOn(yp2.dateOfBirth, start);
    const improvement = Math.min(0.12, n * 0.025);
    const special =
      !ctx.specialNoteUsed &&
      yp2.demo !== true &&
      yp2.paId.endsWith('pa1') &&
      ctx.council.nation === 'england' &&
      by !== 'worker';
    const checklist = buildChecklist(
      r2,
      p,
      previous,
      { by, locale, variant },
      answeredDay,
      improvement,
      special ? "I typed <script>alert('hi')</script> in here to see if it breaks lol" : void 0,
    );
    if (special) ctx.specialNoteUsed = true;
    const domains = {};
    const answers = checklist.answers;
    for (const d of DOMAINS) {
      const list = Object.values(answers[d] ?? {});
      const nos = list.filter((a) => a.value === 'no').length;
      const helpNote = list.find((a) => a.note && a.value === 'no')?.note;
      const goodNote = list.find((a) => a.note && a.value === 'yes')?.note;
      const entry = {};
      if (goodNote) entry.goingWell = goodNote;
      if (nos > 0) {
        entry.needs = helpNote ?? `Some things in ${d} are not right yet (${nos} answered "no").`;
        if (nos >= 2 || list.some((a) => a.help))
          entry.goals = makeGoals(
            r2,
            d,
            pa,
            yp2.preferredName ?? yp2.name.split(' ')[0],
            answeredDay,
            nos >= 3 ? 2 : 1,
            id,
          );
      }
      if (Object.keys(entry).length) domains[d] = entry;
    }
    const submitDay = addDays(answeredDay, r2.int(3, 12));
    const authoriseDay = addDays(submitDay, r2.int(2, 10));
    const wasReturned = r2.chance(0.15);
    const stayingPutActive =
      yp2.stayingPut?.step === 'active' &&
      parseDate(yp2.stayingPut.steps.find((s) => s.step === 'active')?.at ?? today) <= parseDate(start);
    const code = ssda903(r2, age, p, stayingPutActive);
    const plan = {
      schemaVersion: 1,
      id,
      council: yp2.councilId,
      ...(previousId ? { previousPlanId: previousId } : {}),
      youngPerson: {
        id: yp2.id,
        name: yp2.name,
        ...(yp2.preferredName ? { preferredName: yp2.preferredName } : {}),
        dateOfBirth: yp2.dateOfBirth,
        category: categoryAt(yp2, start, p),
        language: yp2.language,
      },
      pa: person(pa),
      ...(sw && age < 18 ? { socialWorker: person(sw) } : {}),
      manager: person(manager),
      started: start,
      wording: { questionSetVersion: questionSet().version, locale, variant },
      checklist,
      domains,
      ...(code?.accommodation && code.accommodation !== '0'
        ? {
            accommodation: {
              type: code.accommodation[0],
              suitable: code.accommodation[1] === '1',
            },
          }
        : {}),
      contactAndSupport: {
        what:
          age < 18
            ? 'Visits from the social worker and the PA, and phone calls in between.'
            : 'Visits from the PA, phone and text in between.',
        howOften:
          age < 18
            ? 'Every 6 weeks, and a call every week'
            : r2.pick(['Every 4 weeks', 'Every 8 weeks', 'Every 2 weeks while things are hard']),
        who: age < 18 && sw ? `${pa.name} (PA) and ${sw.name} (social worker)` : `${pa.name} (PA)`,
      },
      contingency: r2.pick([
        'If the flat falls through, the young person can stay in supported lodgings while we find somewhere else. Out of hours: the emergency duty team.',
        'If college does not work out, we will look at traineeships and the youth employment hub together.',
        'If the young person loses their income, the PA will help them apply for hardship payments the same week.',
      ]),
      views: {
        ...(by !== 'worker'
          ? { youngPerson: yp2.language === 'cy' && r2.chance(0.6) ? r2.pick(VIEWS_YP_CY) : r2.pick(VIEWS_YP) }
          : {}),
        pa:
          by === 'worker'
            ? 'Three attempts to meet were not answered; the plan was written from what we know and will be shared with the young person.'
            : 'Doing well overall; the goals below are what we agreed together.',
      },
      consulted: [
        { name: pa.name, role: 'Personal adviser' },
        ...(sw && age < 18 ? [{ name: sw.name, role: 'Social worker' }] : []),
      ],
      engagement: { attempts, completedBy },
      ...(code ? { ssda903: code } : {}),
      signOffs: [],
    };
    const ended = parseDate(today);
    let status;
    if (
      parseDate(authoriseDay) <= ended &&
      (parseDate(addMonths2(authoriseDay, 6)) <= ended || r2.chance(0.85) || n === 1)
    ) {
      history.push({ type: 'plan.submit', at: at(r2, submitDay), by: pa.id });
      if (wasReturned) {
        const c = r2.pick(RETURN_COMMENTS);
        const rd = addDays(submitDay, 1);
        history.push({ type: 'plan.return', at: at(r2, rd), by: manager.id, comment: c });
        plan.returns = [{ by: person(manager), at: history[history.length - 1].at, comment: c }];
        history.push({ type: 'plan.submit', at: at(r2, addDays(rd, 1)), by: pa.id });
      }
      history.push({ type: 'plan.authorise', at: at(r2, authoriseDay), by: manager.id });
      plan.authorised = authoriseDay;
      plan.nextReview = addMonths2(authoriseDay, 6);
      plan.signOffs = [
        ...(by !== 'worker' ? [{ role: 'young-person', name: yp2.name, at: at(r2, submitDay) }] : []),
        { role: 'pa', name: pa.name, at: at(r2, submitDay) },
        { role: 'team-manager', name: manager.name, at: history[history.length - 1].at },
      ];
      status = 'authorised';
    } else if (parseDate(submitDay) <= ended && r2.chance(0.5)) {
      history.push({ type: 'plan.submit', at: at(r2, submitDay), by: pa.id });
      status = 'submitted';
      if (wasReturned && parseDate(addDays(submitDay, 1)) <= ended) {
        const c = r2.pick(RETURN_COMMENTS);
        history.push({ type: 'plan.return', at: at(r2, addDays(submitDay, 1)), by: manager.id, comment: c });
        plan.returns = [{ by: person(manager), at: history[history.length - 1].at, comment: c }];
        status = 'returned';
      }
    } else status = 'draft';
    if (status === 'draft' && parseDate(answeredDay) > ended) plan.checklist = partial(r2, plan.checklist);
    const ok = validatePlan(plan);
    if (!ok.ok)
      throw new Error(`Seed made an invalid plan ${id}: ${ok.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    plans2.push({ plan, status, history: history.filter((h) => parseDate(h.at.slice(0, 10)) <= ended) });
    if (status !== 'authorised') break;
    previous = checklist;
    previousId = id;
    const due = addMonths2(authoriseDay, 6);
    const shift = r2.weighted([
      [-30, 10],
      [-10, 30],
      [0, 30],
      [20, 15],
      [45, 15],
    ]);
    start = addDays(due, shift - 25);
  }
  return plans2;
}
function partial(r2, doc) {
  const keep = r2.int(0, 5);
  const answers = doc.answers;
  const next = {};
  DOMAINS.slice(0, keep).forEach((d) => {
    if (answers[d]) next[d] = answers[d];
  });
  return { ...doc, answers: next };
}
function categoryAt(yp2, day, p) {
  const age = ageOn(yp2.dateOfBirth, day);
  if (age >= 18) return yp2.category === 'qualifying' ? 'qualifying' : 'former-relevant';
  return p.fosterBefore18 || yp2.category === 'eligible' ? 'eligible' : 'relevant';
}
function buildCheckIns(ctx, yp2, p) {
  const { r: r2, today } = ctx;
  if (yp2.account !== 'active') return [];
  const out = [];
  const count = r2.int(1, 9);
  const first = Math.max(parseDate(addMonths2(today, -24)), parseDate(addYears(yp2.dateOfBirth, 16)));
  const span = parseDate(today) - first;
  const days = [];
  for (let i = 0; i < count; i++) days.push(first + Math.floor(r2.next() * span));
  if (r2.chance(0.25)) days.push(parseDate(today) - r2.int(0, 6) * DAY);
  days.sort((a, b) => a - b);
  days.forEach((d, i) => {
    const moods = {};
    const domains = r2.chance(0.6) ? DOMAINS : DOMAINS.filter(() => r2.chance(0.4));
    for (const dom of domains.length ? domains : ['health']) {
      const x = p.wellbeing + (r2.next() - 0.5) * 0.7;
      const mood = x > 0.62 ? 'good' : x > 0.32 ? 'ok' : 'bad';
      const help = mood === 'bad' && r2.chance(0.45);
      const note =
        mood === 'bad' && r2.chance(0.35)
          ? yp2.language === 'cy'
            ? r2.pick(CHECK_IN_NOTES_CY)
            : r2.pick(CHECK_IN_NOTES_BAD)
          : mood === 'good' && r2.chance(0.08)
            ? r2.pick(CHECK_IN_NOTES_GOOD)
            : void 0;
      moods[dom] = { mood, ...(help ? { help } : {}), ...(note ? { note } : {}) };
    }
    const c = {
      id: `${yp2.id}.checkin${i + 1}`,
      youngPersonId: yp2.id,
      author: 'young-person',
      at: new Date(d + r2.int(8, 22) * 36e5 + r2.int(0, 59) * 6e4).toISOString(),
      locale: yp2.language === 'cy' ? 'cy' : 'en-GB',
      moods,
    };
    const ok = validateCheckIn(c);
    if (!ok.ok)
      throw new Error(`Seed made an invalid check-in: ${ok.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    out.push(c);
  });
  return out;
}
function buildStayingPut(ctx, yp2, carers, pa, sw, ssw, manager) {
  const { r: r2, today } = ctx;
  const age = ageOn(yp2.dateOfBirth, today);
  if (age < 16 || age > 21) return void 0;
  const eighteen = addYears(yp2.dateOfBirth, 18);
  const due = {
    identified: addDays(addYears(yp2.dateOfBirth, 16), r2.int(0, 30)),
    discussed: addDays(addYears(yp2.dateOfBirth, 16), r2.int(30, 80)),
    'in-plan': addDays(addYears(yp2.dateOfBirth, 16), r2.int(80, 180)),
    'agreement-meeting': addDays(eighteen, -r2.int(40, 90)),
    'agreement-drafted': addDays(eighteen, -r2.int(25, 39)),
    signed: addDays(eighteen, -r2.int(10, 24)),
    approved: addDays(eighteen, -r2.int(3, 9)),
    checks: addDays(eighteen, -r2.int(0, 2)),
    active: eighteen,
    ended: addYears(yp2.dateOfBirth, 21),
  };
  const steps = [];
  const lateness = r2.weighted([
    [0, 60],
    [10, 25],
    [40, 15],
  ]);
  let current = 'identified';
  for (const s of STAYING_PUT_STEPS) {
    if (s === 'ended') break;
    let d = addDays(due[s], s === 'active' ? 0 : r2.int(0, lateness));
    const prev = steps[steps.length - 1]?.at;
    if (prev && parseDate(d) <= parseDate(prev)) d = addDays(prev, s === 'active' ? 0 : 1);
    if (s === 'active' && parseDate(d) < parseDate(eighteen)) d = eighteen;
    if (parseDate(d) > parseDate(today)) break;
    steps.push({ step: s, at: d });
    current = s;
  }
  if (!steps.length) return void 0;
  let ended;
  if (current === 'active' && r2.chance(0.18)) {
    const endDay = addDays(
      eighteen,
      r2.int(120, Math.max(121, Math.floor((parseDate(today) - parseDate(eighteen)) / DAY))),
    );
    if (parseDate(endDay) <= parseDate(today)) {
      const planned = r2.chance(0.7);
      ended = {
        at: endDay,
        planned,
        situation: planned
          ? r2.pick([
              'Moved into their own council flat.',
              'Moved to university halls.',
              'Moved in with their partner.',
            ])
          : r2.pick(['Left after a falling out; now in supported accommodation.', 'Moved back to a relative.']),
      };
      steps.push({ step: 'ended', at: endDay });
      current = 'ended';
    }
  }
  const carerPair = carers.length > 1 && r2.chance(0.6) ? carers.slice(0, 2) : carers.slice(0, 1);
  const reached = (s) => steps.some((x) => x.step === s);
  let agreement;
  if (reached('agreement-drafted')) {
    const agreed = steps.find((x) => x.step === 'agreement-drafted').at;
    const signedAt = steps.find((x) => x.step === 'signed')?.at;
    const ypFirst = yp2.preferredName ?? yp2.name.split(' ')[0];
    agreement = {
      schemaVersion: 1,
      id: `${yp2.id}.lta1`,
      council: yp2.councilId,
      ...(yp2.plans.length ? { pathwayPlanId: yp2.plans[yp2.plans.length - 1].plan.id } : {}),
      youngPerson: {
        id: yp2.id,
        name: yp2.name,
        ...(yp2.preferredName ? { preferredName: yp2.preferredName } : {}),
        dateOfBirth: yp2.dateOfBirth,
      },
      carers: carerPair.map(person),
      pa: person(pa),
      ...(sw ? { socialWorker: person(sw) } : {}),
      ...(ssw ? { supervisingSocialWorker: person(ssw) } : {}),
      address: `${r2.int(2, 140)} ${r2.pick(STREETS)}, ${ctx.council.nation === 'wales' ? 'Afon' : 'Northbridge'}`,
      dates: {
        agreed,
        starts: eighteen,
        firstReview: addDays(eighteen, 28),
        plannedEnd: addYears(yp2.dateOfBirth, 21),
      },
      checks: {
        dbsNeeded: r2.chance(0.4),
        ...(reached('checks') ? { dbsDone: steps.find((x) => x.step === 'checks').at } : {}),
        ...(reached('approved') ? { carerApproved: steps.find((x) => x.step === 'approved').at } : {}),
        inPathwayPlan: true,
      },
      houseRules: {
        visitors: 'Friends are welcome until 10pm. Let us know in the morning if someone is coming round.',
        overnightGuests: 'Ask first, at least a day before.',
        stayingAway: `${ypFirst} texts if they are staying out overnight so nobody worries.`,
        keys: `${ypFirst} has a front door key. If it is lost we share the cost of a new one.`,
        quietHours: 'Quiet after 11pm on weeknights.',
        smoking: 'No smoking inside. The back garden is fine.',
        alcoholAndDrugs: 'No drugs in the house. Alcohol in moderation.',
        sharedSpaces: 'Clear up after cooking. The lounge is shared.',
      },
      skills: [
        {
          skill: 'Cook a meal for the house once a week',
          targetDate: addDays(eighteen, 60),
          ...(r2.chance(0.5) ? { done: true } : {}),
        },
        { skill: 'Do own washing and ironing', targetDate: addDays(eighteen, 30) },
        { skill: 'Set up and pay a phone bill', targetDate: addDays(eighteen, 90) },
      ],
      money: {
        contribution: {
          amountPence: r2.pick([2500, 3e3, 3500, 4e3]),
          period: 'week',
          method: 'Standing order',
          starts: eighteen,
          covers: 'Food, heating, hot water and wifi.',
        },
        benefits: 'The PA helps with the Universal Credit claim, with a letter from the council about housing costs.',
        carerAllowance: { amountPence: r2.pick([25e3, 27500, 3e4]), period: 'week', visibleToYoungPerson: false },
        arrears: 'If a payment is missed we talk about it the same week and agree how to catch up. The PA can help.',
        contracts: 'Broadband is in the carer\u2019s name; the contribution covers it.',
      },
      support: [
        { from: 'carer', what: 'Help with cooking, budgeting and college work.', howOften: 'Every day' },
        { from: 'pa', what: 'Visits and help with money, housing and plans for moving on.', howOften: 'Every 6 weeks' },
        ...(ssw
          ? [{ from: 'supervising-social-worker', what: 'Supports the carers.', howOften: 'Every 8 weeks' }]
          : []),
      ],
      responsibilities: {
        youngPerson: 'Pay my contribution on time, keep to the house rules, tell my PA if something is wrong.',
        carer: 'Give a safe, warm home and help with learning to live on my own.',
        council: 'Pay the carer, review the arrangement with everyone, and help with moving on.',
      },
      disagreements:
        'Talk to each other first. If that does not work, talk to the PA. You can ask for an independent advocate at any time.',
      ending: {
        noticeByYoungPerson: '4 weeks',
        noticeByCarer: '8 weeks, except in an emergency',
        moveOnSteps: 'Housing register by 20; a move-on meeting 3 months before the planned end.',
        unplanned: 'If the arrangement ends suddenly the PA finds somewhere safe the same day.',
      },
      signOffs: signedAt
        ? [
            { party: 'young-person', name: yp2.name, at: at(r2, signedAt), copyGiven: true },
            ...carerPair.map((c) => ({ party: 'carer', name: c.name, at: at(r2, signedAt), copyGiven: true })),
            { party: 'pa', name: pa.name, at: at(r2, signedAt), copyGiven: true },
            ...(reached('approved')
              ? [
                  {
                    party: 'team-manager',
                    name: manager.name,
                    at: at(r2, steps.find((x) => x.step === 'approved').at),
                  },
                ]
              : []),
          ]
        : [],
    };
    const ok = validateAgreement(agreement);
    if (!ok.ok)
      throw new Error(`Seed made an invalid agreement: ${ok.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return {
    id: `${yp2.id}.sp`,
    carerIds: carerPair.map((c) => c.id),
    step: current,
    steps,
    ...(agreement ? { agreement } : {}),
    ...(ended ? { ended } : {}),
  };
}
function buildCouncil(seedR, spec, today) {
  const r2 = seedR.fork(spec.id);
  const council = {
    id: spec.id,
    name: spec.name,
    nation: spec.nation,
    teams: [],
    staff: [],
    youngPeople: [],
  };
  const welsh = spec.nation === 'wales';
  const usedNames = /* @__PURE__ */ new Set();
  const staffName = () => {
    for (;;) {
      const n =
        welsh && r2.chance(0.6)
          ? `${r2.pick(WELSH_FIRST_NAMES)} ${r2.pick(WELSH_SURNAMES)}`
          : `${r2.pick(FIRST_NAMES)} ${r2.pick(SURNAMES)}`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const addStaff = (role, id, teamId, demo, email) => {
    const name = staffName();
    const s = {
      id,
      councilId: spec.id,
      name,
      email: email ?? slugEmail(name, spec.domain),
      role,
      ...(teamId ? { teamId } : {}),
      ...(demo ? { demo } : {}),
    };
    council.staff.push(s);
    return s;
  };
  addStaff('admin', `${spec.id}.admin`, void 0, true, `admin@${spec.domain}`);
  addStaff('analyst', `${spec.id}.analyst`, void 0, true, `analyst@${spec.domain}`);
  const pas = [];
  spec.teams.forEach((teamName, t) => {
    const teamId = `${spec.id}.team${t + 1}`;
    const m = addStaff(
      'team-manager',
      `${teamId}.manager`,
      teamId,
      t === 0,
      t === 0 ? `manager@${spec.domain}` : void 0,
    );
    council.teams.push({ id: teamId, councilId: spec.id, name: teamName, managerId: m.id });
    for (let i = 0; i < spec.pasPerTeam; i++) {
      const first = t === 0 && i === 0;
      pas.push(addStaff('pa', `${teamId}.pa${i + 1}`, teamId, first, first ? `pa@${spec.domain}` : void 0));
    }
  });
  const sws = [];
  for (let i = 0; i < spec.socialWorkers; i++)
    sws.push(
      addStaff(
        'social-worker',
        `${spec.id}.sw${i + 1}`,
        council.teams[i % council.teams.length].id,
        i === 0,
        i === 0 ? `social.worker@${spec.domain}` : void 0,
      ),
    );
  const ssw = addStaff('supervising-social-worker', `${spec.id}.ssw1`, void 0, true, `fostering@${spec.domain}`);
  const carers = [];
  for (let i = 0; i < spec.carers; i++)
    carers.push(
      addStaff('carer', `${spec.id}.carer${i + 1}`, void 0, i === 0, i === 0 ? `carer@${spec.domain}` : void 0),
    );
  const ypNames = /* @__PURE__ */ new Set();
  let specialNoteUsed = false;
  for (let i = 0; i < spec.size; i++) {
    const id = `${spec.id}.yp${String(i + 1).padStart(4, '0')}`;
    const uasc = !welsh && r2.chance(0.09);
    const welshSpeaker = welsh && r2.chance(0.4);
    let name;
    do {
      name = uasc
        ? `${r2.pick(UASC_FIRST_NAMES)} ${r2.pick(UASC_SURNAMES)}`
        : welsh && r2.chance(0.6)
          ? `${r2.pick(WELSH_FIRST_NAMES)} ${r2.pick(WELSH_SURNAMES)}`
          : `${r2.pick(FIRST_NAMES)} ${r2.pick(SURNAMES)}`;
    } while (ypNames.has(name));
    ypNames.add(name);
    const age = r2.weighted([
      [16, 9],
      [17, 12],
      [18, 13],
      [19, 13],
      [20, 12],
      [21, 11],
      [22, 9],
      [23, 8],
      [24, 7],
      [25, 6],
    ]);
    const dob = addDays(addYears(today, -age), -r2.int(1, 364));
    const p = {
      wellbeing: Math.min(1, Math.max(0, (r2.next() + r2.next() + r2.next()) / 3)),
      internet: !r2.chance(welsh ? 0.33 : 0.28),
      uasc,
      engages: r2.weighted([
        ['alone', 10],
        ['together', 55],
        ['phone', 20],
        ['never', 15],
      ]),
      fosterBefore18: r2.chance(uasc ? 0.3 : 0.45),
    };
    const team = council.teams[i % council.teams.length];
    const teamPas = pas.filter((x) => x.teamId === team.id);
    const pa = teamPas[Math.floor(i / council.teams.length) % teamPas.length];
    const sw = age < 18 ? sws[i % sws.length] : void 0;
    const manager = council.staff.find((s) => s.id === team.managerId);
    const demo = i === 0;
    const account = demo
      ? 'active'
      : p.engages === 'never'
        ? r2.chance(0.5)
          ? 'invited'
          : 'none'
        : r2.weighted([
            ['active', 65],
            ['invited', 10],
            ['none', 25],
          ]);
    const yp2 = {
      id,
      councilId: spec.id,
      teamId: team.id,
      name,
      ...(r2.chance(0.12) ? { preferredName: name.split(' ')[0].slice(0, 3) } : {}),
      dateOfBirth: dob,
      category:
        age >= 18 ? (r2.chance(0.06) ? 'qualifying' : 'former-relevant') : p.fosterBefore18 ? 'eligible' : 'relevant',
      language: welshSpeaker ? 'cy' : uasc ? r2.pick(['ar', 'ps', 'ti', 'fa', 'en-GB']) : 'en-GB',
      easyRead: r2.chance(0.1),
      paId: pa.id,
      ...(sw ? { socialWorkerId: sw.id } : {}),
      account,
      ...(account !== 'none' ? { email: demo ? `young.person@${spec.domain}` : `yp${i + 1}@${spec.domain}` } : {}),
      ...(demo ? { demo: true } : {}),
      plans: [],
      checkIns: [],
    };
    if (demo) {
      yp2.dateOfBirth = addDays(addYears(today, -18), -r2.int(40, 100));
      yp2.category = 'former-relevant';
      yp2.language = welsh ? 'cy' : 'en-GB';
      p.fosterBefore18 = true;
      p.engages = 'together';
    }
    const ctx = { r: r2.fork(id), today, council, specialNoteUsed };
    const ageNow = ageOn(yp2.dateOfBirth, today);
    if (p.fosterBefore18 && ageNow <= 21 && (demo || ctx.r.chance(ageNow < 18 ? 0.75 : 0.55))) {
      const sp = buildStayingPut(
        ctx,
        yp2,
        demo ? carers.slice(0, 2) : [carers[i % carers.length], carers[(i + 1) % carers.length]],
        pa,
        sw,
        ssw,
        manager,
      );
      if (sp) yp2.stayingPut = sp;
    }
    yp2.plans = buildPlans(ctx, yp2, p, pa, manager, sw);
    if (yp2.stayingPut?.agreement && yp2.plans.length)
      yp2.stayingPut.agreement.pathwayPlanId = yp2.plans[yp2.plans.length - 1].plan.id;
    yp2.checkIns = buildCheckIns(ctx, yp2, p);
    specialNoteUsed = ctx.specialNoteUsed;
    council.youngPeople.push(yp2);
  }
  return council;
}
function buildSeed(options = {}) {
  const seed = options.seed ?? 2026;
  const today = options.today ?? /* @__PURE__ */ new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(parseDate(today)))
    throw new Error(`seed option "today" must be a date like 2026-03-01 (got "${today}").`);
  const size = options.size ?? 400;
  if (!Number.isInteger(size) || size < 1 || size > 2e4)
    throw new Error(`seed option "size" must be a whole number from 1 to 20000 (got ${size}).`);
  const r2 = new Random(seed);
  const councils = [
    buildCouncil(
      r2,
      {
        id: 'northbridge',
        name: 'Northbridge City Council',
        nation: 'england',
        domain: 'northbridge.example',
        size,
        teams: ['Pathways North', 'Pathways South', '16 Plus'],
        pasPerTeam: 5,
        socialWorkers: 6,
        carers: 40,
      },
      today,
    ),
    buildCouncil(
      r2,
      {
        id: 'afon',
        name: 'Cyngor Sir Afon (Afon County Council)',
        nation: 'wales',
        domain: 'afon.example',
        size: options.secondSize ?? 36,
        teams: ['T\xEEm Gadael Gofal (Leaving Care)'],
        pasPerTeam: 2,
        socialWorkers: 1,
        carers: 6,
      },
      today,
    ),
  ];
  return { seed, today, councils, demoPassword: DEMO_PASSWORD };
}

// examples/reference-app/src/load-seed.ts
import {
  emptyChecklist as emptyChecklist2,
  questionSet as questionSet2,
  requiredSigners,
  startLifecycle,
  transition,
} from '@onward/engine';

var Replay = class {
  constructor(name, input, at2) {
    this.name = name;
    this.snapshot = startLifecycle(name, input, new Date(at2));
  }
  snapshot;
  refused = 0;
  /** Takes a step; false (and nothing changes) when the lifecycle refuses it. */
  step(actor, event, at2) {
    const from = this.snapshot.state;
    const r2 = transition(this.name, actor, event, this.snapshot, new Date(at2));
    if (!r2.ok) {
      this.refused++;
      return void 0;
    }
    this.snapshot = r2.snapshot;
    return { from, to: r2.snapshot.state };
  }
};
function later(at2, minutes) {
  return new Date(Date.parse(at2) + minutes * 6e4).toISOString();
}
function eventsFor(council, yp2, staff, today) {
  const events = [];
  let refused = 0;
  const ev = (type, payload, at2, actor) =>
    events.push({
      councilId: council.id,
      youngPersonId: yp2.id,
      type,
      payload,
      at: at2,
      actor: { id: actor.id, role: actor.role },
    });
  const team = council.teams.find((t) => t.id === yp2.teamId);
  const manager = staff.get(team.managerId);
  const mActor = { id: manager.id, role: 'team-manager' };
  const ypActor = { id: yp2.id, role: 'young-person' };
  const set = questionSet2();
  let previous;
  for (const sp2 of yp2.plans) {
    const doc = sp2.plan;
    const pa = staff.get(doc.pa.id);
    const paActor = { id: pa.id, role: 'pa' };
    const start = sp2.history[0].at;
    if (previous) {
      const moved = previous.replay.step(paActor, { type: 'plan.review.start', nextPlanId: doc.id }, start);
      if (moved)
        ev(
          'plan.transition',
          {
            planId: previous.id,
            event: { type: 'plan.review.start' },
            ...moved,
            lifecycle: previous.replay.snapshot,
            by: { id: pa.id, name: pa.name },
          },
          start,
          paActor,
        );
    }
    const replay = new Replay(
      'pathway-plan',
      {
        planId: doc.id,
        youngPersonId: yp2.id,
        dateOfBirth: yp2.dateOfBirth,
        paId: pa.id,
        ...(doc.previousPlanId ? { previousPlanId: doc.previousPlanId } : {}),
      },
      start,
    );
    const base = {
      ...doc,
      checklist: emptyChecklist2(set),
      domains: {},
      engagement: { attempts: [], completedBy: doc.engagement.completedBy },
      signOffs: [],
    };
    delete base.authorised;
    delete base.nextReview;
    delete base.returns;
    ev('plan.created', { plan: base, lifecycle: replay.snapshot }, start, paActor);
    for (const a of doc.engagement.attempts) {
      if (replay.step(paActor, { type: 'plan.engagement.record', method: a.method, outcome: a.outcome }, a.at))
        ev('plan.engagement-attempt', { planId: doc.id, attempt: a, lifecycle: replay.snapshot }, a.at, paActor);
    }
    const answers = Object.values(doc.checklist.answers).flatMap((d) => Object.values(d));
    const answeredAt = answers.map((a) => a.at).sort()[answers.length - 1];
    const withoutYp = doc.engagement.completedBy === 'worker-without-young-person';
    let lastAt =
      doc.engagement.attempts
        .map((a) => a.at)
        .sort()
        .at(-1) ?? start;
    if (withoutYp) {
      const at2 = later(lastAt, 60);
      const moved = replay.step(paActor, { type: 'plan.completeWithoutYoungPerson' }, at2);
      if (moved)
        ev(
          'plan.transition',
          {
            planId: doc.id,
            event: { type: 'plan.completeWithoutYoungPerson' },
            ...moved,
            lifecycle: replay.snapshot,
            by: { id: pa.id, name: pa.name },
          },
          at2,
          paActor,
        );
    }
    if (answeredAt) {
      const how =
        doc.engagement.completedBy === 'together-by-phone'
          ? 'together-by-phone'
          : doc.engagement.completedBy === 'together'
            ? 'together'
            : 'apart';
      const actor = withoutYp ? paActor : ypActor;
      const at2 = answeredAt < lastAt ? later(lastAt, 5) : answeredAt;
      if (replay.step(actor, { type: 'plan.checklist.update', how }, at2))
        ev(
          'plan.checklist-saved',
          { planId: doc.id, checklist: doc.checklist, lifecycle: replay.snapshot },
          at2,
          actor,
        );
      lastAt = at2;
    }
    const saved = { ...doc, signOffs: doc.signOffs.filter((s) => s.role !== 'team-manager') };
    delete saved.authorised;
    delete saved.nextReview;
    delete saved.returns;
    const savedAt = later(lastAt, 30);
    ev('plan.saved', { planId: doc.id, plan: saved }, savedAt, paActor);
    for (const h of sp2.history.slice(1)) {
      if (h.type === 'plan.engagement') continue;
      const actor = h.type === 'plan.submit' ? paActor : mActor;
      const by = h.type === 'plan.submit' ? pa : manager;
      const event =
        h.type === 'plan.authorise'
          ? {
              type: h.type,
              wording: {
                questionSetVersion: set.version,
                locale: doc.wording?.locale ?? 'en-GB',
                variant: doc.wording?.variant ?? 'standard',
              },
            }
          : h.type === 'plan.return'
            ? { type: h.type, comment: h.comment ?? '' }
            : { type: h.type };
      const at2 = h.at < savedAt ? later(savedAt, 10) : h.at;
      const moved = replay.step(actor, event, at2);
      if (!moved) break;
      ev(
        'plan.transition',
        {
          planId: doc.id,
          event,
          ...moved,
          ...(h.comment ? { comment: h.comment } : {}),
          lifecycle: replay.snapshot,
          by: { id: by.id, name: by.name },
        },
        at2,
        actor,
      );
      if (h.type === 'plan.authorise' && previous) {
        const sup = previous.replay.step(mActor, { type: 'plan.supersede' }, later(at2, 1));
        if (sup)
          ev(
            'plan.transition',
            {
              planId: previous.id,
              event: { type: 'plan.supersede' },
              ...sup,
              lifecycle: previous.replay.snapshot,
              by: { id: manager.id, name: manager.name },
            },
            later(at2, 1),
            mActor,
          );
      }
    }
    refused += replay.refused;
    previous = { id: doc.id, replay };
  }
  for (const c of yp2.checkIns) {
    const replay = new Replay('check-in', { checkInId: c.id, youngPersonId: yp2.id, paId: yp2.paId }, c.at);
    if (replay.step(ypActor, { type: 'checkIn.submit', moods: c.moods }, c.at)) {
      ev('check-in.recorded', { checkIn: c, lifecycle: replay.snapshot }, c.at, ypActor);
      if (
        replay.snapshot.state === 'helpRequested' &&
        Date.parse(c.at) < Date.parse(`${today}T00:00:00Z`) - 14 * 864e5
      ) {
        const at2 = later(c.at, 60 * 20);
        if (replay.step({ id: yp2.paId, role: 'pa' }, { type: 'checkIn.acknowledge' }, at2))
          ev('check-in.acknowledged', { checkInId: c.id, lifecycle: replay.snapshot }, at2, {
            id: yp2.paId,
            role: 'pa',
          });
      }
    }
    refused += replay.refused;
  }
  const sp = yp2.stayingPut;
  if (sp) {
    const pa = staff.get(yp2.paId);
    const paActor = { id: pa.id, role: 'pa' };
    const ssw = council.staff.find((s) => s.role === 'supervising-social-worker');
    const stepAt = (s) => `${sp.steps.find((x) => x.step === s)?.at}T11:00:00.000Z`;
    const has = (s) => sp.steps.some((x) => x.step === s);
    const first = stepAt('identified');
    const replay = new Replay(
      'staying-put',
      {
        arrangementId: sp.id,
        youngPersonId: yp2.id,
        dateOfBirth: yp2.dateOfBirth,
        carerIds: sp.carerIds,
        paId: pa.id,
        ...(ssw ? { supervisingSocialWorkerId: ssw.id } : {}),
        carerFostersOthers: sp.agreement?.checks?.dbsNeeded ?? false,
        ...(council.nation === 'wales' ? { upperAge: 25 } : {}),
        identifiedOn: first.slice(0, 10),
      },
      first,
    );
    ev(
      'staying-put.created',
      {
        arrangementId: sp.id,
        carerUserIds: sp.carerIds,
        ...(ssw ? { supervisingSocialWorkerId: ssw.id } : {}),
        lifecycle: replay.snapshot,
      },
      first,
      paActor,
    );
    const go = (actor, event, at2) => {
      const moved = replay.step(actor, event, at2);
      if (moved)
        ev('staying-put.transition', { arrangementId: sp.id, event, ...moved, lifecycle: replay.snapshot }, at2, actor);
      return Boolean(moved);
    };
    const day = (s) => stepAt(s).slice(0, 10);
    let ok = true;
    if (ok && has('discussed'))
      ok = go(
        paActor,
        { type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes', on: day('discussed') },
        stepAt('discussed'),
      );
    if (ok && has('in-plan'))
      ok = go(paActor, { type: 'stayingPut.plans.include', on: day('in-plan') }, stepAt('in-plan'));
    if (ok && has('agreement-meeting'))
      ok = go(
        paActor,
        {
          type: 'stayingPut.meeting.record',
          attendees: ['young-person', 'carer', 'supervising-social-worker', 'pa'],
          on: day('agreement-meeting'),
        },
        stepAt('agreement-meeting'),
      );
    if (ok && has('agreement-drafted') && sp.agreement) {
      ok = go(
        paActor,
        { type: 'stayingPut.agreement.draft', agreementId: sp.agreement.id },
        stepAt('agreement-drafted'),
      );
      if (ok)
        ev(
          'staying-put.agreement-saved',
          { arrangementId: sp.id, agreement: sp.agreement },
          later(stepAt('agreement-drafted'), 1),
          paActor,
        );
    }
    if (ok && has('signed')) {
      const signers = requiredSigners(replay.snapshot.context);
      signers.forEach((s, i) => {
        if (ok) ok = go({ id: s.id, role: s.party }, { type: 'stayingPut.agreement.sign' }, later(stepAt('signed'), i));
      });
    }
    if (ok && has('approved')) {
      ok = go(mActor, { type: 'stayingPut.approve' }, stepAt('approved'));
      if (ok && ssw)
        ok = go(
          { id: ssw.id, role: 'supervising-social-worker' },
          { type: 'stayingPut.panel.approve', on: day('approved') },
          later(stepAt('approved'), 5),
        );
    }
    if (ok && has('checks') && ssw)
      ok = go(
        { id: ssw.id, role: 'supervising-social-worker' },
        { type: 'stayingPut.checks.record', carerApproved: true, dbsStarted: true, dbsDone: true, on: day('checks') },
        stepAt('checks'),
      );
    if (ok && has('active')) ok = go(paActor, { type: 'stayingPut.start' }, stepAt('active'));
    if (ok && has('ended') && sp.ended) {
      const last = yp2.plans.at(-1)?.plan.ssda903;
      const activity = last?.activity && last.activity !== '0' ? last.activity : 'F2';
      ok = go(
        paActor,
        {
          type: 'stayingPut.end',
          kind: sp.ended.planned ? 'planned' : 'unplanned',
          activity,
          accommodation: sp.ended.planned ? 'U1' : 'E1',
          on: sp.ended.at,
        },
        `${sp.ended.at}T12:00:00.000Z`,
      );
    }
    refused += replay.refused;
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { events, refused };
}
async function loadSeed(store2, data2, options = {}) {
  const t0 = Date.now();
  let count = 0;
  let refused = 0;
  for (const council of data2.councils) {
    const tc = Date.now();
    const lap = (what) => options.log?.(`    ${what}: ${((Date.now() - tc) / 1e3).toFixed(1)} s`);
    await store2.createCouncil({ id: council.id, name: council.name });
    for (const t of council.teams) await store2.createTeam({ id: t.id, councilId: council.id, name: t.name });
    await store2.createStaffUsers(
      council.staff.map((s) => ({
        id: s.id,
        councilId: council.id,
        email: s.email,
        name: s.name,
        role: s.role,
        ...(s.teamId ? { teamId: s.teamId } : {}),
        password: data2.demoPassword,
      })),
    );
    lap('staff');
    const staff = new Map(council.staff.map((s) => [s.id, s]));
    const registered = (y) => y.plans[0]?.history[0]?.at ?? `${data2.today}T09:00:00.000Z`;
    await store2.createYoungPeople(
      council.youngPeople.map((y) => ({
        id: y.id,
        councilId: council.id,
        name: y.name,
        ...(y.preferredName ? { preferredName: y.preferredName } : {}),
        dateOfBirth: y.dateOfBirth,
        category: y.category,
        teamId: y.teamId,
        paId: y.paId,
        ...(y.socialWorkerId ? { socialWorkerId: y.socialWorkerId } : {}),
        language: y.language,
        at: later(registered(y), -60 * 24 * 7),
      })),
    );
    const BATCH = 40;
    for (let i = 0; i < council.youngPeople.length; i += BATCH) {
      const batch = [];
      for (const y of council.youngPeople.slice(i, i + BATCH)) {
        const r2 = eventsFor(council, y, staff, data2.today);
        batch.push(...r2.events);
        refused += r2.refused;
      }
      await store2.appendEvents(batch);
      count += batch.length;
    }
    lap('events');
    const accounts = council.youngPeople.filter((y) => y.account === 'active' && y.email);
    const limit = options.youngPersonAccounts ?? 12;
    const chosen = [
      ...accounts.filter((y) => y.demo),
      ...accounts.filter((y) => !y.demo).slice(0, Math.max(0, limit - 1)),
    ];
    for (let i = 0; i < chosen.length; i += 8)
      await Promise.all(
        chosen
          .slice(i, i + 8)
          .map((y) =>
            store2.createYoungPersonUser({
              councilId: council.id,
              youngPersonId: y.id,
              email: y.email,
              password: data2.demoPassword,
            }),
          ),
      );
    for (const y of council.youngPeople.filter((x) => x.account === 'invited').slice(0, 20))
      await store2.createInvitation({ councilId: council.id, youngPersonId: y.id, createdBy: y.paId });
    options.log?.(`  ${council.name}: ${council.youngPeople.length} young people, ${council.staff.length} staff`);
  }
  return { events: count, refused, ms: Date.now() - t0 };
}

// ../../tmp/loadtest.ts
var store = await Store.open({});
var data = buildSeed({ today: '2026-11-25', size: Number(process.env.N ?? 400) });
var r = await loadSeed(store, data, { log: console.log });
console.log(r);
var yp = data.councils[0].youngPeople[0];
var plans = await store.listPlans({ youngPersonIds: [yp.id] });
console.log(plans.map((p) => [p.id, p.state, p.doc.authorised, p.doc.returns?.length]));
var all = await store.listPlans({ councilId: 'northbridge' });
var st = {};
for (const p of all) st[p.state] = (st[p.state] ?? 0) + 1;
console.log(st);
var arr = await store.listArrangements({ councilId: 'northbridge' });
var as = {};
for (const p of arr) as[p.state] = (as[p.state] ?? 0) + 1;
console.log(as);
await store.close();
