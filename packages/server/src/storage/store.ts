// The Store: one facade over the storage modules, each owning one concern and its tables:
//   accounts.ts            councils, teams, users and passwords (users are a projection of account events)
//   council-log.ts         who changed a council's set-up (teams, API tokens, webhooks), as events
//   sessions.ts            sessions, invitation links, API tokens
//   event-log.ts           the append-only record per young person, appends and rebuilds
//   case-records.ts        the projection tables the event log keeps (young people, plans, check-ins, arrangements)
//   frozen-plans.ts        authorised plans with their PDFs (what exports read), the queue of PDFs to make
//   audit.ts               the audit trail
//   webhook-deliveries.ts  webhooks, deliveries and attempts
//   rate-limits.ts         sign-in tries counted in the database
//   staff-invitations.ts   one-time links for staff to choose their password
//   council-settings.ts    each council's settings document (deadlines, attempts, attendance, nation)
//   notification-outbox.ts messages to people (a PA told of a help request), written with the event that causes them
//   lease-queue.ts         the claim with a lease that the freeze queue and the outbox share
//   retention.ts           legal holds, and destroying a record past its retention date (every table, one transaction)
// Routes call the facade's methods (names kept stable); code that needs more reaches a module directly
// (`store.events.append(events, { tx, expect, audit })`).
import { Accounts, type CreateStaffUserInput, type User } from './accounts.js';
import { AuditBatcher, AuditTrail } from './audit.js';
import { CaseRecords } from './case-records.js';
import { CouncilLog } from './council-log.js';
import { CouncilSettingsStore } from './council-settings.js';
import { type Db, openPglite, openPostgres, type Queryable } from './db.js';
import { type AppendExpectations, type CreateYoungPersonInput, EventLog, type NewEvent } from './event-log.js';
import { FrozenPlans } from './frozen-plans.js';
import { migrate } from './migrations.js';
import { NotificationOutbox } from './notification-outbox.js';
import type { YoungPersonRecord } from './projection.js';
import { RateLimits } from './rate-limits.js';
import { Retention } from './retention.js';
import { Sessions } from './sessions.js';
import { StaffInvitations } from './staff-invitations.js';
import { WebhookDeliveries } from './webhook-deliveries.js';

export type { Actor, Council, CreateStaffUserInput, StaffRole, Team, User, UserPatch } from './accounts.js';
export { applyUserPatch, SEED_ACTOR } from './accounts.js';
export type { AuditEntry, AuditInput } from './audit.js';
export type { AppendExpectations, AppendOptions, CreateYoungPersonInput, Decision, NewEvent } from './event-log.js';
export { DuplicateEventError } from './event-log.js';
export type { DestructionRecord, LegalHold, RemovedCounts } from './retention.js';
export { ConflictError } from './rows.js';
export type { SessionRecord } from './sessions.js';
export type { DeliveryRecord, WebhookRecord } from './webhook-deliveries.js';

export interface OpenStoreOptions {
  /** PostgreSQL connection string; when set PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; undefined = in memory (tests, throwaway demos). */
  dataDir?: string;
  /** PostgreSQL schema to use (created if missing); tests give each file its own. Default: the search path. */
  schema?: string;
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL: told when a connection drops (a code only); default console.warn. */
  onConnectionError?: (info: { code: string; where: 'idle' | 'in-use' }) => void;
}

type Args<T extends (...a: never[]) => unknown> = Parameters<T>;

export class Store {
  readonly councilLog: CouncilLog;
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly records: CaseRecords;
  readonly audit: AuditTrail;
  /** Reads' audit rows, written together (AuditBatcher). */
  readonly reads: AuditBatcher;
  readonly events: EventLog;
  readonly frozenPlans: FrozenPlans;
  readonly webhooks: WebhookDeliveries;
  readonly rateLimits: RateLimits;
  readonly staffInvitations: StaffInvitations;
  readonly councilSettings: CouncilSettingsStore;
  readonly outbox: NotificationOutbox;
  readonly retention: Retention;

  private constructor(readonly db: Db) {
    this.councilLog = new CouncilLog(db);
    this.accounts = new Accounts(db, this.councilLog);
    this.sessions = new Sessions(db, this.accounts, this.councilLog);
    this.records = new CaseRecords(db);
    this.audit = new AuditTrail(db);
    this.outbox = new NotificationOutbox(db);
    this.events = new EventLog(db, this.records, this.audit, this.outbox);
    this.reads = new AuditBatcher(this.audit);
    this.frozenPlans = new FrozenPlans(db);
    this.webhooks = new WebhookDeliveries(db, this.councilLog);
    this.rateLimits = new RateLimits(db);
    this.staffInvitations = new StaffInvitations(db);
    this.councilSettings = new CouncilSettingsStore(db);
    this.retention = new Retention(db);
  }

  get kind(): 'pglite' | 'postgres' {
    return this.db.kind;
  }

  static async open(options: OpenStoreOptions = {}): Promise<Store> {
    const db = options.databaseUrl
      ? await openPostgres(options.databaseUrl, {
          ...(options.schema ? { schema: options.schema } : {}),
          ...(options.poolSize ? { max: options.poolSize } : {}),
          ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
        })
      : await openPglite(options.dataDir);
    await migrate(db);
    return new Store(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  // ---- accounts
  createCouncil(...a: Args<Accounts['createCouncil']>) {
    return this.accounts.createCouncil(...a);
  }
  getCouncil(...a: Args<Accounts['getCouncil']>) {
    return this.accounts.getCouncil(...a);
  }
  listCouncils() {
    return this.accounts.listCouncils();
  }
  createTeam(...a: Args<Accounts['createTeam']>) {
    return this.accounts.createTeam(...a);
  }
  listTeams(...a: Args<Accounts['listTeams']>) {
    return this.accounts.listTeams(...a);
  }
  getTeam(...a: Args<Accounts['getTeam']>) {
    return this.accounts.getTeam(...a);
  }
  createStaffUsers(...a: Args<Accounts['createStaffUsers']>) {
    return this.accounts.createStaffUsers(...a);
  }
  async createStaffUser(input: CreateStaffUserInput): Promise<User> {
    const [u] = await this.accounts.createStaffUsers([input]);
    return u as User;
  }
  createYoungPersonUser(...a: Args<Accounts['createYoungPersonUser']>) {
    return this.accounts.createYoungPersonUser(...a);
  }
  getUser(...a: Args<Accounts['getUser']>) {
    return this.accounts.getUser(...a);
  }
  getUserByEmail(...a: Args<Accounts['getUserByEmail']>) {
    return this.accounts.getUserByEmail(...a);
  }
  listUsers(...a: Args<Accounts['listUsers']>) {
    return this.accounts.listUsers(...a);
  }
  updateUser(...a: Args<Accounts['updateUser']>) {
    return this.accounts.updateUser(...a);
  }
  listAccountEvents(...a: Args<Accounts['listAccountEvents']>) {
    return this.accounts.listAccountEvents(...a);
  }
  setPassword(...a: Args<Accounts['setPassword']>) {
    return this.accounts.setPassword(...a);
  }
  checkPassword(...a: Args<Accounts['checkPassword']>) {
    return this.accounts.checkPassword(...a);
  }
  checkPasswordById(...a: Args<Accounts['checkPasswordById']>) {
    return this.accounts.checkPasswordById(...a);
  }

  // ---- sessions, invitations, API tokens
  createSession(...a: Args<Sessions['createSession']>) {
    return this.sessions.createSession(...a);
  }
  getSession(...a: Args<Sessions['getSession']>) {
    return this.sessions.getSession(...a);
  }
  touchSession(...a: Args<Sessions['touchSession']>) {
    return this.sessions.touchSession(...a);
  }
  deleteSession(...a: Args<Sessions['deleteSession']>) {
    return this.sessions.deleteSession(...a);
  }
  deleteUserSessions(...a: Args<Sessions['deleteUserSessions']>) {
    return this.sessions.deleteUserSessions(...a);
  }
  countSessions(...a: Args<Sessions['countSessions']>) {
    return this.sessions.countSessions(...a);
  }
  createInvitation(...a: Args<Sessions['createInvitation']>) {
    return this.sessions.createInvitation(...a);
  }
  getInvitation(...a: Args<Sessions['getInvitation']>) {
    return this.sessions.getInvitation(...a);
  }
  acceptInvitation(...a: Args<Sessions['acceptInvitation']>) {
    return this.sessions.acceptInvitation(...a);
  }
  createApiToken(...a: Args<Sessions['createApiToken']>) {
    return this.sessions.createApiToken(...a);
  }
  findApiToken(...a: Args<Sessions['findApiToken']>) {
    return this.sessions.findApiToken(...a);
  }
  listApiTokens(...a: Args<Sessions['listApiTokens']>) {
    return this.sessions.listApiTokens(...a);
  }
  revokeApiToken(...a: Args<Sessions['revokeApiToken']>) {
    return this.sessions.revokeApiToken(...a);
  }

  // ---- the event log and its projections
  createYoungPeople(...a: Args<EventLog['createYoungPeople']>) {
    return this.events.createYoungPeople(...a);
  }
  async createYoungPerson(input: CreateYoungPersonInput): Promise<YoungPersonRecord> {
    const [yp] = await this.events.createYoungPeople([input]);
    return yp as YoungPersonRecord;
  }
  /** Appends events (see EventLog.append); `tx` runs it inside the caller's transaction. */
  appendEvents(events: readonly NewEvent[], tx?: Queryable, expect: AppendExpectations = {}) {
    return this.events.append(events, { ...(tx ? { tx } : {}), expect });
  }
  /** Appends past events (a seed, a move from another system): as appendEvents, but nobody is told about them. */
  appendHistory(events: readonly NewEvent[]) {
    return this.events.append(events, { history: true });
  }
  listEvents(...a: Args<EventLog['listEvents']>) {
    return this.events.listEvents(...a);
  }
  listCouncilEvents(...a: Args<CouncilLog['list']>) {
    return this.councilLog.list(...a);
  }
  /** Throws away the projections (of one council, or all) and replays every event and account event into them. */
  rebuildProjections(councilId?: string): Promise<void> {
    return this.db.transaction(async (q) => {
      await this.events.rebuild(q, councilId);
      await this.accounts.rebuild(q, councilId);
    });
  }
  getYoungPerson(...a: Args<CaseRecords['getYoungPerson']>) {
    return this.records.getYoungPerson(...a);
  }
  listYoungPeople(...a: Args<CaseRecords['listYoungPeople']>) {
    return this.records.listYoungPeople(...a);
  }
  getPlan(...a: Args<CaseRecords['getPlan']>) {
    return this.records.getPlan(...a);
  }
  listPlans(...a: Args<CaseRecords['listPlans']>) {
    return this.records.listPlans(...a);
  }
  getCheckIn(...a: Args<CaseRecords['getCheckIn']>) {
    return this.records.getCheckIn(...a);
  }
  listCheckIns(...a: Args<CaseRecords['listCheckIns']>) {
    return this.records.listCheckIns(...a);
  }
  getArrangement(...a: Args<CaseRecords['getArrangement']>) {
    return this.records.getArrangement(...a);
  }
  listArrangements(...a: Args<CaseRecords['listArrangements']>) {
    return this.records.listArrangements(...a);
  }
  freezePlan(...a: Args<FrozenPlans['freeze']>) {
    return this.frozenPlans.freeze(...a);
  }
  /** Freezes several plans in one transaction (a seed, an import): see FrozenPlans.freezeMany. */
  freezePlans(...a: Args<FrozenPlans['freezeMany']>) {
    return this.frozenPlans.freezeMany(...a);
  }
  getFrozenPlan(...a: Args<FrozenPlans['get']>) {
    return this.frozenPlans.get(...a);
  }
  claimPendingPdfs(...a: Args<FrozenPlans['claimPending']>) {
    return this.frozenPlans.claimPending(...a);
  }
  storePlanPdf(...a: Args<FrozenPlans['storePdf']>) {
    return this.frozenPlans.storePdf(...a);
  }
  planPdfFailed(...a: Args<FrozenPlans['pdfFailed']>) {
    return this.frozenPlans.pdfFailed(...a);
  }
  pendingPdfCount() {
    return this.frozenPlans.pendingCount();
  }

  // ---- audit
  recordAudit(...a: Args<AuditTrail['record']>) {
    return this.audit.record(...a);
  }
  /** A read's audit rows: resolves once they are stored, written with other reads' rows made at the same time. */
  recordReads(...a: Args<AuditBatcher['record']>) {
    return this.reads.record(...a);
  }
  queryAudit(...a: Args<AuditTrail['query']>) {
    return this.audit.query(...a);
  }
  auditPeople(...a: Args<AuditTrail['people']>) {
    return this.audit.people(...a);
  }

  // ---- webhooks
  createWebhook(...a: Args<WebhookDeliveries['createWebhook']>) {
    return this.webhooks.createWebhook(...a);
  }
  listWebhooks(...a: Args<WebhookDeliveries['listWebhooks']>) {
    return this.webhooks.listWebhooks(...a);
  }
  listPendingDeliveries() {
    return this.webhooks.listPendingDeliveries();
  }
  createDelivery(...a: Args<WebhookDeliveries['createDelivery']>) {
    return this.webhooks.createDelivery(...a);
  }
  recordAttempt(...a: Args<WebhookDeliveries['recordAttempt']>) {
    return this.webhooks.recordAttempt(...a);
  }
  listDeliveries(...a: Args<WebhookDeliveries['listDeliveries']>) {
    return this.webhooks.listDeliveries(...a);
  }
}

/** Opens the store (PGlite, or PostgreSQL when databaseUrl is set) and runs the migrations. */
export function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return Store.open(options);
}
