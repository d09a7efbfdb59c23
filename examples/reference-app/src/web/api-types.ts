// The shapes of the server's answers the pages read (docs/api.md). Documents themselves (plan, check-in,
// agreement) are the engine's schema types.
import type { CheckIn, LivingTogetherAgreement, PathwayPlan } from '@onward/engine';

export interface YoungPersonSummary {
  id: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  category: string;
  teamId: string;
  paId: string;
  socialWorkerId?: string;
  language?: string;
  currentPlan?: { id: string; state: string; nextReview?: string; authorised?: string };
  reviewDue?: string;
  /** Where the review stands (the engine's dueStatus). */
  reviewStatus?: 'overdue' | 'due-soon' | 'not-due-yet';
  reviewOverdue: boolean;
  openHelpRequests: number;
  lastCheckInAt?: string;
  stayingPut?: { id: string; state: string };
}

export interface PlanView {
  plan: PathwayPlan;
  state: string;
  version: number;
  allowedEvents: string[];
}

export interface PlanListItem {
  id: string;
  state: string;
  started: string;
  authorised?: string;
  nextReview?: string;
}

export interface HelpRequest {
  checkInId: string;
  youngPersonId: string;
  name: string;
  at: string;
  domains: { domain: string; mood: string; note?: string }[];
  seen: boolean;
}

export interface ArrangementView {
  id: string;
  youngPersonId: string;
  state: string;
  agreement?: LivingTogetherAgreement;
  allowedEvents: string[];
  version: number;
  carerUserIds?: string[];
  supervisingSocialWorkerId?: string;
  /** Once an agreement is drafted: who must sign it (the engine's requiredSigners) and when each did. */
  signing?: { party: string; id: string; signedAt?: string }[];
  deadlines?: { step: string; label?: string; due: string; status?: string; overdue?: boolean }[];
  /** The rules the arrangement runs under (the council's, when it started). */
  rules?: { nation: 'england' | 'wales'; meetingAttendees: string[]; signatories: string[] };
}

export interface TrackerItem {
  youngPersonId: string;
  name: string;
  dateOfBirth: string;
  eighteenthBirthday: string;
  arrangementId?: string;
  state?: string;
  deadlines: { step: string; label?: string; due: string; overdue: boolean }[];
}

export interface QueueItem {
  planId: string;
  youngPersonId: string;
  name: string;
  /** The PA named on the plan. */
  pa: string;
  submittedAt: string;
  /** Whole UK days since it was submitted (the server's today). */
  daysWaiting: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  /** The account's name (the server joins it); absent when the account is gone. */
  actorName?: string;
  action: string;
  recordType: string;
  recordId: string;
  youngPersonId?: string;
  youngPersonName?: string;
  requestId?: string;
}

export type { CheckIn };
