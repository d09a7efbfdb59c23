// Per-request context: who is asking (a signed-in user or an integration's API token), the request id, and the
// small helpers every route uses to read bodies, check rights and write the audit trail.
import type { Context } from 'hono';
import type { AuditInput, Store, User } from '../storage/store.js';
import { BODY_LIMIT, tooLarge } from './body-limit.js';
import { conflict, type FieldProblem, HttpProblem } from './problem.js';
import type { BodyValidator } from './validators.js';

export type Principal =
  | { kind: 'user'; user: User; sessionId: string; csrfToken: string }
  | { kind: 'token'; councilId: string; tokenId: string; name: string };

export interface Env {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
  };
}
export type Ctx = Context<Env>;

export { BODY_LIMIT } from './body-limit.js';

export async function readJson(c: Ctx): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      'Send the body as JSON with the header Content-Type: application/json.',
    );
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > BODY_LIMIT) throw tooLarge();
  const buf = new Uint8Array(await c.req.arrayBuffer());
  if (buf.byteLength > BODY_LIMIT) throw tooLarge();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new HttpProblem(400, 'invalid-body', 'The body is not valid UTF-8 text.', [
      { path: '', message: 'The body is not valid UTF-8 text.' },
    ]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'invalid-body', 'The body is not valid JSON.', [
      { path: '', message: 'The body is not valid JSON. Check the brackets, commas and quotes.' },
    ]);
  }
  const bad = unstorableText(doc);
  if (bad.length) throw invalidBody(bad);
  return doc;
}

/** A NUL character, or half of a surrogate pair (half an emoji): text PostgreSQL cannot store, and no one types. */
export function isUnstorable(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSTORABLE =
  'has a character we cannot store (a hidden "NUL" character, or half of an emoji). Type it again or remove it.';

/** Every text value or field name in a JSON document that PostgreSQL could not store, by its field path. */
export function unstorableText(doc: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (out.length >= 50) return;
    if (typeof v === 'string') {
      if (isUnstorable(v)) out.push({ path: showPath(path), message: `${fieldName(path)} ${UNSTORABLE}` });
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, String(i)]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (isUnstorable(k)) out.push({ path: showPath([...path, k]), message: `A field name ${UNSTORABLE}` });
        else walk(x, [...path, k]);
      }
    }
  };
  walk(doc, []);
  return out;
}

/** The dotted field path the validators use, with unprintable characters written as JSON escapes. */
function showPath(path: readonly string[]): string {
  return path.map((p) => (isUnstorable(p) ? JSON.stringify(p).slice(1, -1) : p)).join('.');
}
function fieldName(path: readonly string[]): string {
  const last = path.at(-1);
  return last === undefined || /^\d+$/.test(last)
    ? 'This text'
    : `"${last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}"`;
}

function invalidBody(errors: FieldProblem[]): HttpProblem {
  return new HttpProblem(
    400,
    'invalid-body',
    errors.length === 1 ? '1 problem with what was sent.' : `${errors.length} problems with what was sent.`,
    errors,
  );
}

/** Reads and validates the JSON body; a bad body is refused with every field named, before anything is saved. */
export async function body<T>(c: Ctx, validator: BodyValidator<T>): Promise<T> {
  const raw = await readJson(c);
  const r = validator(raw);
  if (!r.ok) throw invalidBody(r.errors);
  return r.value;
}

export function principal(c: Ctx): Principal {
  const p = c.get('principal');
  if (!p) throw new HttpProblem(401, 'unauthenticated', 'Sign in to see this.');
  return p;
}

/** The signed-in user; API tokens are refused (they only read exports, PDFs and plans). */
export function user(c: Ctx): User {
  const p = principal(c);
  if (p.kind !== 'user') throw new HttpProblem(403, 'forbidden', 'An API token cannot use this route.');
  return p.user;
}

export function councilOf(p: Principal): string {
  return p.kind === 'user' ? p.user.councilId : p.councilId;
}

/** Who writes the audit entry and the event: a user id, or `token:<id>` for an integration. */
export function auditActor(p: Principal): { actorId: string; actorRole: string } {
  return p.kind === 'user'
    ? { actorId: p.user.id, actorRole: p.user.role }
    : { actorId: `token:${p.tokenId}`, actorRole: 'api-token' };
}

/** The audit entry for what this request does to a record (written with the change, in its transaction). */
export function auditEntry(
  c: Ctx,
  now: Date,
  action: AuditInput['action'],
  recordType: string,
  recordId: string,
  youngPersonId?: string,
): AuditInput {
  const p = principal(c);
  return {
    councilId: councilOf(p),
    ...auditActor(p),
    action,
    recordType,
    recordId,
    ...(youngPersonId ? { youngPersonId } : {}),
    requestId: c.get('requestId'),
    at: now.toISOString(),
  };
}

/**
 * Makes a change and writes its audit entries in one transaction: both are saved, or neither (a failed audit insert
 * rolls the change back). Storage calls inside `change` join the transaction (Db.transaction nests), so routes
 * call the store as usual. `entries` is given the change's result (e.g. the id it made). `change` must not have
 * effects outside the database (on PostgreSQL a transaction lost to a dropped connection runs again).
 */
export function audited<T>(
  store: Store,
  change: () => Promise<T>,
  entries: (result: T) => readonly AuditInput[],
): Promise<T> {
  return store.transaction(async (tx) => {
    const result = await change();
    await store.recordAudit(entries(result), tx);
    return result;
  });
}

/**
 * A read's audit entry (a change writes its entries with `audited`, in its transaction): resolves once it is stored,
 * written together with other reads' entries made at the same time (the store's AuditBatcher); a failure fails the
 * read, so nothing is answered that the trail does not hold.
 */
export async function audit(
  c: Ctx,
  store: Store,
  now: Date,
  action: AuditInput['action'],
  recordType: string,
  recordId: string,
  youngPersonId?: string,
): Promise<void> {
  await store.recordReads([auditEntry(c, now, action, recordType, recordId, youngPersonId)]);
}

/**
 * The audit entry of a read of a list of young people's records (a caseload, help requests, an export): one entry
 * naming the list, how many young people it showed and, unless `ids: false` (figures made from many, such as
 * insights), which. Stored as `audit` stores a read's entry.
 */
export async function auditList(
  c: Ctx,
  store: Store,
  now: Date,
  action: AuditInput['action'],
  recordType: string,
  recordId: string,
  youngPersonIds: readonly string[],
  options: { ids?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(youngPersonIds)];
  await store.recordReads([
    {
      ...auditEntry(c, now, action, recordType, recordId),
      count: ids.length,
      ...(options.ids === false ? {} : { youngPersonIds: ids }),
    },
  ]);
}

/** The version in `If-Match` (quotes allowed), or undefined when there is none; 409 when it is not a number. */
export function readVersion(c: Ctx): number | undefined {
  const h = c.req.header('if-match');
  if (h === undefined) return undefined;
  const v = Number(h.replace(/"/g, '').trim());
  if (!Number.isInteger(v) || v < 1) throw conflict('If-Match must be the plan version you read (a number).');
  return v;
}
