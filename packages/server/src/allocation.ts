// Who a young person may be allocated to, and a date of birth that is possible: the one home of these checks, used
// by registering one young person (routes/cases.ts) and by the CSV import (import/young-people-import.ts).
import { ukDate } from '@onward/engine';
import type { FieldProblem } from './http/problem.js';
import type { Team, User } from './storage/store.js';

export interface Allocation {
  teamId?: string;
  paId?: string;
  socialWorkerId?: string;
}

/** Teams and staff, looked up by id (the caller loads them: one at a time, or the whole council at once). */
export interface AllocationLookup {
  team(id: string): Team | undefined;
  user(id: string): User | undefined;
}

/** Each field of the allocation that names no such team, PA or social worker in the council (or a disabled one). */
export function allocationProblems(councilId: string, b: Allocation, lookup: AllocationLookup): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (b.teamId) {
    const t = lookup.team(b.teamId);
    if (!t || t.councilId !== councilId)
      errors.push({ path: 'teamId', message: 'There is no such team in your council.' });
  }
  const staff = (id: string | undefined, role: User['role'], path: string, what: string) => {
    if (!id) return;
    const u = lookup.user(id);
    if (!u || u.councilId !== councilId || u.role !== role || u.disabled)
      errors.push({ path, message: `There is no such ${what} in your council.` });
  };
  staff(b.paId, 'pa', 'paId', 'PA');
  staff(b.socialWorkerId, 'social-worker', 'socialWorkerId', 'social worker');
  return errors;
}

/** A date of birth after today (UK calendar date: a baby born just after midnight in London is born "today"). */
export function dateOfBirthProblem(dateOfBirth: string, now: Date): FieldProblem | undefined {
  return dateOfBirth > ukDate(now)
    ? { path: 'dateOfBirth', message: 'The date of birth cannot be in the future.' }
    : undefined;
}
