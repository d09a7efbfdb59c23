// Request bodies are checked with the same JSON Schemas as everything else: the engine's validators for plans,
// checklists, check-ins and agreements, and the schemas in schemas/api/ (compiled once at start) for the rest.
import { schemas, validateAgreement, validateCheckIn, validateChecklist, validatePlan } from '@onward/engine';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldProblem } from './problem.js';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };
export type BodyValidator<T> = (doc: unknown) => BodyResult<T>;

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (a: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

function words(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
}

function message(e: ErrorObject): { path: string; message: string } {
  const parts = e.instancePath ? e.instancePath.slice(1).split('/') : [];
  const p = e.params as Record<string, unknown>;
  const field = (segs: string[]) => (segs.length ? `"${words(segs[segs.length - 1] as string)}"` : 'The body');
  switch (e.keyword) {
    case 'required': {
      const segs = [...parts, String(p.missingProperty)];
      return { path: segs.join('.'), message: `Fill in ${field(segs)}.` };
    }
    case 'additionalProperties': {
      const segs = [...parts, String(p.additionalProperty)];
      return { path: segs.join('.'), message: `${field(segs)} is not a field we know here. Remove it.` };
    }
    case 'type':
      return {
        path: parts.join('.'),
        message: `${field(parts)} should be ${p.type === 'integer' ? 'a whole number' : `a ${p.type}`}.`,
      };
    case 'enum':
      return { path: parts.join('.'), message: `Choose one of: ${(p.allowedValues as unknown[]).join(', ')}.` };
    case 'const':
      return { path: parts.join('.'), message: `${field(parts)} must be ${JSON.stringify(p.allowedValue)}.` };
    case 'maxLength':
      return { path: parts.join('.'), message: `${field(parts)} must be ${p.limit} characters or fewer.` };
    case 'minLength':
      return {
        path: parts.join('.'),
        message:
          Number(p.limit) <= 1 ? `Fill in ${field(parts)}.` : `${field(parts)} must be at least ${p.limit} characters.`,
      };
    case 'format':
      return {
        path: parts.join('.'),
        message:
          p.format === 'date'
            ? `${field(parts)} should be a date written YYYY-MM-DD.`
            : p.format === 'date-time'
              ? `${field(parts)} should be a date and time (ISO 8601).`
              : p.format === 'email'
                ? `${field(parts)} should be an email address, like name@example.org.`
                : `${field(parts)} should be a ${p.format}.`,
      };
    case 'anyOfFormats':
      return {
        path: parts.join('.'),
        message: `${field(parts)} should be ${(p.formats as string[]).map((f) => FORMAT_WORDS[f]).join(' or ')}.`,
      };
    case 'pattern':
      return { path: parts.join('.'), message: `${field(parts)} is not in the right form.` };
    case 'minProperties':
      return { path: parts.join('.'), message: 'Send at least one field to change.' };
    case 'minItems':
      return { path: parts.join('.'), message: `${field(parts)} needs at least ${p.limit} entries.` };
    case 'maxItems':
      return { path: parts.join('.'), message: `${field(parts)} can have at most ${p.limit} entries.` };
    case 'uniqueItems':
      return { path: parts.join('.'), message: `${field(parts)} has the same entry twice.` };
    case 'minimum':
      return { path: parts.join('.'), message: `${field(parts)} must be ${p.limit} or more.` };
    case 'maximum':
      return { path: parts.join('.'), message: `${field(parts)} must be ${p.limit} or less.` };
    default:
      return { path: parts.join('.'), message: `${field(parts)} is not allowed as sent.` };
  }
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date written YYYY-MM-DD',
  'date-time': 'a date and time (ISO 8601)',
  email: 'an email address',
  uri: 'a web address',
};

/** One message for a value that matches none of an anyOf's choices: each choice's format, joined by "or" (a date
 * or a date and time), instead of one message per choice. */
function anyOfMessages(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  for (const e of errors) {
    if (anyOfs.some((a) => a !== e && e.schemaPath.startsWith(`${a.schemaPath}/`))) continue;
    if (e.keyword !== 'anyOf') {
      out.push(e);
      continue;
    }
    const branches = errors.filter((b) => b.schemaPath.startsWith(`${e.schemaPath}/`));
    const formats = branches.map((b) => (b.keyword === 'format' ? String(b.params.format) : ''));
    out.push(
      formats.every((f) => FORMAT_WORDS[f])
        ? { ...e, keyword: 'anyOfFormats', params: { formats: [...new Set(formats)] } }
        : e,
    );
  }
  return out;
}

function compile<T>(schema: object): BodyValidator<T> {
  const v = ajv.compile(schema);
  return (doc) => {
    if (v(doc)) return { ok: true, value: doc as T };
    const seen = new Set<string>();
    const errors: FieldProblem[] = [];
    for (const e of anyOfMessages(v.errors ?? [])) {
      const m = message(e);
      const key = `${m.path}|${m.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        errors.push(m);
      }
    }
    return { ok: false, errors };
  };
}

function engine<T>(
  fn: (doc: unknown) => { ok: true; value: T } | { ok: false; errors: readonly { path: string; message: string }[] },
): BodyValidator<T> {
  return (doc) => {
    const r = fn(doc);
    return r.ok ? r : { ok: false, errors: r.errors.map((e) => ({ path: e.path, message: e.message })) };
  };
}

export interface SignInBody {
  email: string;
  password: string;
}
export interface InvitationAcceptBody {
  email: string;
  password: string;
}
export interface PasswordChangeBody {
  currentPassword: string;
  newPassword: string;
}
export interface YoungPersonCreateBody {
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  category: 'eligible' | 'relevant' | 'former-relevant' | 'qualifying';
  teamId: string;
  paId: string;
  socialWorkerId?: string;
  language?: string;
}
export interface YoungPersonUpdateBody {
  preferredName?: string;
  teamId?: string;
  paId?: string;
  socialWorkerId?: string;
  language?: string;
}
export interface PlanCreateBody {
  started?: string;
  locale?: string;
  variant?: 'standard' | 'easy';
}
export interface PlanViewsBody {
  youngPerson?: string;
  disagreements?: string;
}
export interface EngagementAttemptBody {
  at: string;
  method: 'in-person' | 'phone' | 'video' | 'message' | 'letter';
  outcome: 'engaged' | 'no-reply' | 'declined' | 'missed';
  note?: string;
}
export interface LifecycleEventBody {
  type: string;
  comment?: string;
  reason?: string;
  on?: string;
}
export interface StayingPutCreateBody {
  carerUserIds: string[];
  supervisingSocialWorkerId?: string;
}
export interface UserCreateBody {
  email: string;
  name: string;
  role: 'pa' | 'social-worker' | 'team-manager' | 'supervising-social-worker' | 'carer' | 'analyst' | 'admin';
  teamId?: string;
  /** Without one, the new account gets a one-time invitation link to choose their own. */
  password?: string;
}
export interface SetupBody {
  token: string;
  councilName: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}
export interface StaffInvitationAcceptBody {
  password: string;
}
export interface UserUpdateBody {
  name?: string;
  role?: UserCreateBody['role'];
  teamId?: string;
  disabled?: boolean;
}
export interface NameBody {
  name: string;
}
/** Some checklist answers (`PATCH /api/plans/:planId/checklist`); each answer is checked with the checklist's schema. */
export interface ChecklistAnswersBody {
  version: number;
  answers: Record<string, Record<string, unknown> | null>;
  base?: Record<string, { value: 'yes' | 'no' | 'not-relevant'; note?: string; help?: boolean } | null>;
}
export interface AuditQuery {
  youngPersonId?: string;
  actorId?: string;
  action?: 'read' | 'create' | 'update' | 'event' | 'export' | 'destroy';
  from?: string;
  to?: string;
  limit?: number;
  after?: string;
}
export interface LegalHoldBody {
  reason: string;
}
export interface DestructionBody {
  /** The record's reference typed again: it must match the record being destroyed. */
  confirmReference: string;
}
export interface WebhookCreateBody {
  url: string;
  events: 'plan.authorised'[];
}

/** Every body the API accepts, by name; the OpenAPI document lists the same schemas. */
export const bodies = {
  signIn: compile<SignInBody>(schemas.apiSignInSchema),
  invitationAccept: compile<InvitationAcceptBody>(schemas.apiInvitationAcceptSchema),
  passwordChange: compile<PasswordChangeBody>(schemas.apiPasswordChangeSchema),
  empty: compile<Record<string, never>>(schemas.apiEmptySchema),
  youngPersonCreate: compile<YoungPersonCreateBody>(schemas.apiYoungPersonCreateSchema),
  youngPersonUpdate: compile<YoungPersonUpdateBody>(schemas.apiYoungPersonUpdateSchema),
  planCreate: compile<PlanCreateBody>(schemas.apiPlanCreateSchema),
  planViews: compile<PlanViewsBody>(schemas.apiPlanViewsSchema),
  engagementAttempt: compile<EngagementAttemptBody>(schemas.apiEngagementAttemptSchema),
  lifecycleEvent: compile<LifecycleEventBody>(schemas.apiLifecycleEventSchema),
  stayingPutCreate: compile<StayingPutCreateBody>(schemas.apiStayingPutCreateSchema),
  userCreate: compile<UserCreateBody>(schemas.apiUserCreateSchema),
  userUpdate: compile<UserUpdateBody>(schemas.apiUserUpdateSchema),
  setup: compile<SetupBody>(schemas.apiSetupSchema),
  staffInvitationAccept: compile<StaffInvitationAcceptBody>(schemas.apiStaffInvitationAcceptSchema),
  teamCreate: compile<NameBody>(schemas.apiTeamCreateSchema),
  tokenCreate: compile<NameBody>(schemas.apiTokenCreateSchema),
  webhookCreate: compile<WebhookCreateBody>(schemas.apiWebhookCreateSchema),
  checklistAnswers: compile<ChecklistAnswersBody>(schemas.apiChecklistAnswersSchema),
  auditQuery: compile<AuditQuery>(schemas.apiAuditQuerySchema),
  legalHold: compile<LegalHoldBody>(schemas.apiLegalHoldSchema),
  destruction: compile<DestructionBody>(schemas.apiDestructionSchema),
  plan: engine(validatePlan),
  checklist: engine(validateChecklist),
  checkIn: engine(validateCheckIn),
  agreement: engine(validateAgreement),
};
