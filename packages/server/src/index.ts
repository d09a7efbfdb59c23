// @onward/server public API. This file only re-exports.
export type { Deps, OnwardServer, OnwardServerOptions, RenderContext } from './app.js';
export { createOnwardServer } from './app.js';
export { hashPassword, randomToken, verifyPassword } from './auth/crypto.js';
export type { EnvConfig } from './config.js';
export { ConfigError, configFromEnv } from './config.js';
export type { Principal } from './http/context.js';
export { BODY_LIMIT } from './http/context.js';
export type { FieldProblem, ProblemType } from './http/problem.js';
export { HttpProblem } from './http/problem.js';
export type { RowProblem } from './import/young-people-csv.js';
export { YOUNG_PEOPLE_COLUMNS } from './import/young-people-csv.js';
export type { ImportOptions, ImportResult, RowOutcome } from './import/young-people-import.js';
export { importYoungPeople } from './import/young-people-import.js';
export type { NotifierOptions, NotifierStatus } from './notifications/notifier.js';
export { Notifier } from './notifications/notifier.js';
export type { NotificationTransport, OutgoingMessage, SmtpOptions } from './notifications/transport.js';
export { smtpTransport, TransportError } from './notifications/transport.js';
export type { RouteSpec } from './openapi.js';
export { openApiDocument, ROUTES } from './openapi.js';
export type { PermissionName } from './permissions.js';
export { roleMay } from './permissions.js';
export { serve } from './serve.js';
export type { FirstCouncil, FirstCouncilInput } from './setup.js';
export { councilIdFrom, needsSetup, SETUP_ACTOR, SetupError, setUpFirstCouncil, staffInvitationPath } from './setup.js';
export type {
  ActorRole,
  ArrangementRecord,
  CheckInRecord,
  EventType,
  PlanRecord,
  Role,
  StoredEvent,
  YoungPersonRecord,
} from './storage/projection.js';
export { EVENT_TYPES, ROLES } from './storage/projection.js';
export type {
  Actor,
  AuditEntry,
  Council,
  CreateStaffUserInput,
  CreateYoungPersonInput,
  DeliveryRecord,
  NewEvent,
  OpenStoreOptions,
  StaffRole,
  Team,
  User,
} from './storage/store.js';
export { ConflictError, openStore, SEED_ACTOR, Store } from './storage/store.js';
export type { WebhookOptions } from './webhooks/webhooks.js';
export { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER, verifyWebhook, Webhooks } from './webhooks/webhooks.js';
