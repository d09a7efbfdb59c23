// Events are checked against their type's JSON Schema when they are appended and again when they are read, so
// a stored event that does not fit (a bug, a hand edit, a half-done migration) is found, named, and never replayed
// into the projections. Precompiled validators (ajv standalone), one per event type.

import apiTokenCreated from '@onward/schemas/validate/api-token-created.event';
import apiTokenRevoked from '@onward/schemas/validate/api-token-revoked.event';
import checkInAcknowledged from '@onward/schemas/validate/check-in-acknowledged.event';
import checkInRecorded from '@onward/schemas/validate/check-in-recorded.event';
import planChecklistSaved from '@onward/schemas/validate/plan-checklist-saved.event';
import planCreated from '@onward/schemas/validate/plan-created.event';
import planEngagementAttempt from '@onward/schemas/validate/plan-engagement-attempt.event';
import planSaved from '@onward/schemas/validate/plan-saved.event';
import planTransition from '@onward/schemas/validate/plan-transition.event';
import planViewsSaved from '@onward/schemas/validate/plan-views-saved.event';
import stayingPutAgreementSaved from '@onward/schemas/validate/staying-put-agreement-saved.event';
import stayingPutCreated from '@onward/schemas/validate/staying-put-created.event';
import stayingPutTransition from '@onward/schemas/validate/staying-put-transition.event';
import teamCreated from '@onward/schemas/validate/team-created.event';
import userCreated from '@onward/schemas/validate/user-created.event';
import userPasswordChanged from '@onward/schemas/validate/user-password-changed.event';
import userUpdated from '@onward/schemas/validate/user-updated.event';
import webhookCreated from '@onward/schemas/validate/webhook-created.event';
import youngPersonAllocated from '@onward/schemas/validate/young-person-allocated.event';
import youngPersonRegistered from '@onward/schemas/validate/young-person-registered.event';
import { type ValidationResult, validateWith } from '../validation/validate.js';
import type { AdminEvent, AdminEventType, RecordEvent, RecordEventType } from './types.js';

const RECORD: Readonly<Record<RecordEventType, unknown>> = {
  'young-person.registered': youngPersonRegistered,
  'young-person.allocated': youngPersonAllocated,
  'plan.created': planCreated,
  'plan.saved': planSaved,
  'plan.checklist-saved': planChecklistSaved,
  'plan.views-saved': planViewsSaved,
  'plan.engagement-attempt': planEngagementAttempt,
  'plan.transition': planTransition,
  'check-in.recorded': checkInRecorded,
  'check-in.acknowledged': checkInAcknowledged,
  'staying-put.created': stayingPutCreated,
  'staying-put.agreement-saved': stayingPutAgreementSaved,
  'staying-put.transition': stayingPutTransition,
};
const ADMIN: Readonly<Record<AdminEventType, unknown>> = {
  'user.created': userCreated,
  'user.updated': userUpdated,
  'user.password-changed': userPasswordChanged,
  'team.created': teamCreated,
  'api-token.created': apiTokenCreated,
  'api-token.revoked': apiTokenRevoked,
  'webhook.created': webhookCreated,
};

/** Is there a schema for this record event type? */
export function isRecordEventType(type: unknown): type is RecordEventType {
  return typeof type === 'string' && Object.hasOwn(RECORD, type);
}
/** Is there a schema for this account or council event type? */
export function isAdminEventType(type: unknown): type is AdminEventType {
  return typeof type === 'string' && Object.hasOwn(ADMIN, type);
}

function typeOf(doc: unknown): unknown {
  return typeof doc === 'object' && doc !== null ? (doc as { type?: unknown }).type : undefined;
}

const unknownType = (type: unknown) => ({
  ok: false as const,
  errors: [{ path: 'type', rule: 'enum', message: `There is no event type called ${JSON.stringify(type)}.` }],
});

/** Checks a record event (the current format) against its type's schema. Never throws. */
export function validateRecordEvent(doc: unknown): ValidationResult<RecordEvent> {
  const type = typeOf(doc);
  return isRecordEventType(type) ? validateWith<RecordEvent>(RECORD[type], doc) : unknownType(type);
}

/** Checks an account or council event against its type's schema. Never throws. */
export function validateAdminEvent(doc: unknown): ValidationResult<AdminEvent> {
  const type = typeOf(doc);
  return isAdminEventType(type) ? validateWith<AdminEvent>(ADMIN[type], doc) : unknownType(type);
}

/** A stored or new event that does not fit its schema. */
export class EventSchemaError extends Error {
  override readonly name = 'EventSchemaError';
  constructor(
    readonly eventType: string,
    readonly errors: readonly { path: string; message: string }[],
    where: string,
  ) {
    super(
      `${where}: the ${eventType} event does not fit its schema: ${errors.map((e) => `${e.path || '(event)'}: ${e.message}`).join('; ')}`,
    );
  }
}

/** Throws EventSchemaError unless the record event fits its schema; `where` says which event (id, sequence). */
export function checkRecordEvent(doc: unknown, where: string): RecordEvent {
  const r = validateRecordEvent(doc);
  if (!r.ok) throw new EventSchemaError(String(typeOf(doc)), r.errors, where);
  return r.value;
}

/** Throws EventSchemaError unless the account or council event fits its schema. */
export function checkAdminEvent(doc: unknown, where: string): AdminEvent {
  const r = validateAdminEvent(doc);
  if (!r.ok) throw new EventSchemaError(String(typeOf(doc)), r.errors, where);
  return r.value;
}
