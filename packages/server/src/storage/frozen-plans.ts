// Authorised plans, frozen with their PDF at the moment a manager authorised them: what the exports, the PDF route
// and case-management systems read. Append-only (a trigger refuses changes).
import type { Db, Queryable } from './db.js';
import { iso, json } from './rows.js';

export interface FrozenPlan {
  planId: string;
  councilId: string;
  youngPersonId: string;
  doc: unknown;
  pdf?: Uint8Array;
  authorisedAt: string;
}

export class FrozenPlans {
  constructor(private readonly db: Db) {}

  /** Freezes the plan; inside `tx` when given (the authorisation event and the frozen copy commit together). */
  async freeze(
    input: { planId: string; councilId: string; youngPersonId: string; doc: unknown; pdf?: Uint8Array; at: string },
    tx?: Queryable,
  ): Promise<void> {
    await (tx ?? this.db).query(
      'INSERT INTO frozen_plans (plan_id, council_id, young_person_id, doc, pdf, authorised_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [input.planId, input.councilId, input.youngPersonId, JSON.stringify(input.doc), input.pdf ?? null, input.at],
    );
  }

  async get(planId: string): Promise<FrozenPlan | undefined> {
    const [r] = await this.db.query('SELECT * FROM frozen_plans WHERE plan_id = $1', [planId]);
    return r ? toFrozen(r) : undefined;
  }

  /** Every authorised plan of one young person, oldest first (a subject access request reads them all). */
  async listForYoungPerson(youngPersonId: string): Promise<FrozenPlan[]> {
    const rows = await this.db.query(
      'SELECT * FROM frozen_plans WHERE young_person_id = $1 ORDER BY authorised_at, plan_id',
      [youngPersonId],
    );
    return rows.map(toFrozen);
  }
}

function toFrozen(r: Record<string, unknown>): FrozenPlan {
  return {
    planId: String(r.plan_id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    doc: json(r.doc),
    ...(r.pdf ? { pdf: new Uint8Array(r.pdf as Uint8Array) } : {}),
    authorisedAt: iso(r.authorised_at),
  };
}
