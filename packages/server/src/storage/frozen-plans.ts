// Authorised plans, frozen at the moment a manager authorised them, with their PDF: what the exports, the PDF route
// and case-management systems read. Append-only (a trigger refuses changes). The PDF is made after the freeze, in
// the background (the freeze queue, plan_pdf_queue; the worker is pdf-freezes.ts): frozen_plan_pdfs holds the PDFs
// made that way, frozen_plans.pdf those stored with the plan (older rows, or a caller that rendered first).
import type { Db, Queryable } from './db.js';
import { claimLeased, type LeaseQueue, releaseLeased } from './lease-queue.js';
import { insertRows, iso, json } from './rows.js';

/** The freeze queue: a plan is taken for a while (claimed_until), each claim counting as an attempt. */
const PDF_QUEUE: LeaseQueue = {
  table: 'plan_pdf_queue',
  key: 'plan_id',
  leaseColumn: 'claimed_until',
  order: 'queued_at, plan_id',
  set: 'attempts = attempts + 1',
};

/** What the renderer needs besides the frozen document, kept as it was at the freeze. */
export interface PdfOrder {
  councilName: string;
  locale: string;
}

/** A plan to freeze: the document as authorised, its PDF if already made, or its place in the freeze queue. */
export interface FreezeInput {
  planId: string;
  councilId: string;
  youngPersonId: string;
  doc: unknown;
  pdf?: Uint8Array;
  queue?: PdfOrder;
  at: string;
}

/** A frozen plan still waiting for its PDF. */
export interface PendingPdf extends PdfOrder {
  planId: string;
  councilId: string;
  youngPersonId: string;
  doc: unknown;
  /** The moment the PDF is dated (the authorisation), so a PDF made later has the same bytes. */
  createdAt: string;
  attempts: number;
}

export interface FrozenPlan {
  planId: string;
  councilId: string;
  youngPersonId: string;
  doc: unknown;
  pdf?: Uint8Array;
  /** Set while the PDF waits in the freeze queue. */
  pending?: PendingPdf;
  authorisedAt: string;
}

export class FrozenPlans {
  constructor(private readonly db: Db) {}

  /**
   * Freezes the plan; inside `tx` when given (the authorisation event and the frozen copy commit together). With
   * `queue`, the plan also joins the freeze queue in the same transaction, to have its PDF made in the background.
   */
  freeze(input: FreezeInput, tx?: Queryable): Promise<void> {
    return this.freezeMany([input], tx);
  }

  /**
   * Freezes several plans in one transaction (`tx` when given), with one statement per table: a demo seed or an
   * import from another system freezes hundreds at once, and one transaction each cost most of the seed's time.
   */
  async freezeMany(inputs: readonly FreezeInput[], tx?: Queryable): Promise<void> {
    if (!inputs.length) return;
    const queued = inputs.filter((x) => x.queue && !x.pdf);
    const write = async (q: Queryable) => {
      await insertRows(
        q,
        'INSERT INTO frozen_plans (plan_id, council_id, young_person_id, doc, pdf, authorised_at)',
        6,
        inputs.map((x) => [x.planId, x.councilId, x.youngPersonId, JSON.stringify(x.doc), x.pdf ?? null, x.at]),
      );
      if (queued.length)
        await insertRows(
          q,
          'INSERT INTO plan_pdf_queue (plan_id, council_name, locale, created_at)',
          4,
          queued.map((x) => [x.planId, x.queue?.councilName, x.queue?.locale, x.at]),
          'ON CONFLICT DO NOTHING',
        );
    };
    if (tx) await write(tx);
    else if (inputs.length > 1 || queued.length) await this.db.transaction(write);
    else await write(this.db);
  }

  async get(planId: string): Promise<FrozenPlan | undefined> {
    const [r] = await this.db.query(`${FROZEN_SELECT} WHERE f.plan_id = $1`, [planId]);
    return r ? toFrozen(r) : undefined;
  }

  /** Every authorised plan of one young person, oldest first (a subject access request reads them all). */
  async listForYoungPerson(youngPersonId: string): Promise<FrozenPlan[]> {
    const rows = await this.db.query(
      `${FROZEN_SELECT} WHERE f.young_person_id = $1 ORDER BY f.authorised_at, f.plan_id`,
      [youngPersonId],
    );
    return rows.map(toFrozen);
  }

  /**
   * Claims up to `limit` queued plans for `leaseMs` (oldest first), so another worker leaves them alone meanwhile;
   * a claim that runs out (a crash) makes the plan claimable again. Each claim counts as an attempt.
   */
  async claimPending(limit: number, leaseMs: number): Promise<PendingPdf[]> {
    const rows = await this.db.transaction(async (tx) => {
      const claimed = await claimLeased(tx, PDF_QUEUE, limit, leaseMs);
      if (!claimed.length) return [];
      return tx.query(
        `SELECT f.plan_id, f.council_id, f.young_person_id, f.doc, q.council_name, q.locale, q.created_at, q.attempts
           FROM plan_pdf_queue q JOIN frozen_plans f ON f.plan_id = q.plan_id
          WHERE q.plan_id = ANY($1::text[])
          ORDER BY q.queued_at, q.plan_id`,
        [claimed],
      );
    });
    return rows.map(pending);
  }

  /**
   * Stores the plan's PDF and takes it off the queue, in one transaction. Idempotent: when the plan already has
   * a PDF (another worker was first) the stored one stays and is returned.
   */
  async storePdf(planId: string, pdf: Uint8Array): Promise<Uint8Array> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO frozen_plan_pdfs (plan_id, pdf) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        planId,
        pdf,
      ]);
      await tx.query('DELETE FROM plan_pdf_queue WHERE plan_id = $1', [planId]);
      const [r] = await tx.query('SELECT pdf FROM frozen_plan_pdfs WHERE plan_id = $1', [planId]);
      return new Uint8Array(r?.pdf as Uint8Array);
    });
  }

  /** A render that failed: the reason is kept and the plan is left alone for `retryMs`. */
  async pdfFailed(planId: string, reason: string, retryMs: number): Promise<void> {
    await releaseLeased(this.db, PDF_QUEUE, planId, retryMs, {
      sql: 'last_error = $3',
      params: [reason.slice(0, 500)],
    });
  }

  /** How many frozen plans wait for their PDF. */
  async pendingCount(): Promise<number> {
    const [r] = await this.db.query('SELECT count(*)::int AS n FROM plan_pdf_queue');
    return Number(r?.n ?? 0);
  }
}

/** A frozen plan with its PDF from either table, and its place in the freeze queue while it waits. */
const FROZEN_SELECT = `SELECT f.*, p.pdf AS made_pdf, q.council_name, q.locale, q.created_at, q.attempts
    FROM frozen_plans f
    LEFT JOIN frozen_plan_pdfs p ON p.plan_id = f.plan_id
    LEFT JOIN plan_pdf_queue q ON q.plan_id = f.plan_id`;

function toFrozen(r: Record<string, unknown>): FrozenPlan {
  const pdf = (r.pdf ?? r.made_pdf) as Uint8Array | null;
  const frozen: FrozenPlan = {
    planId: String(r.plan_id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    doc: json(r.doc),
    ...(pdf ? { pdf: new Uint8Array(pdf) } : {}),
    authorisedAt: iso(r.authorised_at),
  };
  if (!pdf && r.council_name != null) frozen.pending = pending(r);
  return frozen;
}

function pending(r: Record<string, unknown>): PendingPdf {
  return {
    planId: String(r.plan_id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    doc: json(r.doc),
    councilName: String(r.council_name),
    locale: String(r.locale),
    createdAt: iso(r.created_at),
    attempts: Number(r.attempts ?? 0),
  };
}
