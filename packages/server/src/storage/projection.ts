// The projection types and reducer are the engine's (packages/engine/src/events): one definition of what a young
// person's record looks like, rebuilt from their events by re-running the lifecycles. Re-exported here under the
// names the server has always used.
export type {
  ActorRole,
  ArrangementRecord,
  CheckInRecord,
  PlanRecord,
  ProjectionState,
  RecordEvent as StoredEvent,
  RecordEventType as EventType,
  Role,
  YoungPersonRecord,
} from '@onward/engine';
export {
  emptyProjection as emptyState,
  ProjectionError,
  RECORD_EVENT_TYPES as EVENT_TYPES,
  ROLES,
} from '@onward/engine';
