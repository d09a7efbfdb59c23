// The record's event types. Each type's shape comes from its JSON Schema (schemas/events/log/*.event.schema.json,
// generated types); this file only names them and lists them. A stored event is the envelope (who, when, which
// young person, its place in their log, the facts of that moment) plus a payload that depends on the type.
import type {
  ApiTokenCreatedEvent,
  ApiTokenRevokedEvent,
  CheckInAcknowledgedEvent,
  CheckInRecordedEvent,
  PlanChecklistSavedEvent,
  PlanCreatedEvent,
  PlanEngagementAttemptEvent,
  PlanSavedEvent,
  PlanTransitionEvent,
  PlanViewsSavedEvent,
  StayingPutAgreementSavedEvent,
  StayingPutCreatedEvent,
  StayingPutTransitionEvent,
  TeamCreatedEvent,
  UserCreatedEvent,
  UserPasswordChangedEvent,
  UserUpdatedEvent,
  WebhookCreatedEvent,
  YoungPersonAllocatedEvent,
  YoungPersonRegisteredEvent,
} from '@onward/schemas';
import type { Role } from '../machines/types.js';

/** An event in a young person's record, in the current format (schema version 2). */
export type RecordEvent =
  | YoungPersonRegisteredEvent
  | YoungPersonAllocatedEvent
  | PlanCreatedEvent
  | PlanSavedEvent
  | PlanChecklistSavedEvent
  | PlanViewsSavedEvent
  | PlanEngagementAttemptEvent
  | PlanTransitionEvent
  | CheckInRecordedEvent
  | CheckInAcknowledgedEvent
  | StayingPutCreatedEvent
  | StayingPutAgreementSavedEvent
  | StayingPutTransitionEvent;

export type RecordEventType = RecordEvent['type'];
export type RecordEventOf<T extends RecordEventType> = Extract<RecordEvent, { type: T }>;
export type RecordPayload<T extends RecordEventType> = RecordEventOf<T>['payload'];

/** The current format of record events. Older stored events are upgraded when read (upgrade.ts). */
export const RECORD_SCHEMA_VERSION = 2;

/** Every record event type, in the order the schemas list them. */
export const RECORD_EVENT_TYPES = [
  'young-person.registered',
  'young-person.allocated',
  'plan.created',
  'plan.saved',
  'plan.checklist-saved',
  'plan.views-saved',
  'plan.engagement-attempt',
  'plan.transition',
  'check-in.recorded',
  'check-in.acknowledged',
  'staying-put.created',
  'staying-put.agreement-saved',
  'staying-put.transition',
] as const satisfies readonly RecordEventType[];

/** Who acts: a person in one of their roles, or the system (seeds and migrations). */
export type ActorRole = Role | 'system';

/** The young person's situation at the moment of an event: which team, which category, which PA. */
export type EventFacts = RecordEvent['facts'];

/**
 * An event as a builder makes it: everything but its id, its place in the log and the facts of the moment, which
 * the event log adds when it appends the event (from the young person's record in the same transaction).
 */
export type EventDraft<T extends RecordEventType = RecordEventType> = T extends RecordEventType
  ? Pick<RecordEventOf<T>, 'councilId' | 'youngPersonId' | 'actorId' | 'actorRole' | 'type' | 'at' | 'payload'>
  : never;

/** An event about an account (the account log, `account_events`). */
export type AccountEvent = UserCreatedEvent | UserUpdatedEvent | UserPasswordChangedEvent;
/** An event about the council's set-up (the council log, `council_events`): teams, API tokens, webhooks. */
export type CouncilEvent = TeamCreatedEvent | ApiTokenCreatedEvent | ApiTokenRevokedEvent | WebhookCreatedEvent;
export type AdminEvent = AccountEvent | CouncilEvent;
export type AdminEventType = AdminEvent['type'];
export type AdminEventOf<T extends AdminEventType> = Extract<AdminEvent, { type: T }>;

export const ACCOUNT_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.password-changed',
] as const satisfies readonly AccountEvent['type'][];
export const COUNCIL_EVENT_TYPES = [
  'team.created',
  'api-token.created',
  'api-token.revoked',
  'webhook.created',
] as const satisfies readonly CouncilEvent['type'][];
