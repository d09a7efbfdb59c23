// The freeze queue's worker: makes the PDFs of authorised plans in the background. Authorising (and the demo seed)
// freezes the plan and queues its PDF in the same transaction (storage/frozen-plans.ts); this renders each queued
// plan from its frozen document and stores the PDF once. A PDF asked for before its turn is made there and then
// (`pdfFor`). Every PDF is dated the moment of authorisation and given the council's name and locale as they were,
// so it has the same bytes whether it is made at once, later, on demand or twice. The council's nation (which names
// the arrangement with former foster carers) is read from its settings when the PDF is made.
import type { Nation, PathwayPlan } from '@onward/engine';
import type { RenderContext } from './render-context.js';
import type { PendingPdf } from './storage/frozen-plans.js';
import type { Store } from './storage/store.js';

export type PlanPdfRenderer = (plan: PathwayPlan, ctx: RenderContext) => Promise<Uint8Array>;

export interface PdfFreezeOptions {
  /** Plans claimed at a time. Default 8. */
  batch?: number;
  /** How long a claim keeps other workers off a plan, in ms. Default 60 s. */
  leaseMs?: number;
  /** Waits before a failed render is tried again, in ms, by attempt. Default 5 s, 30 s, 5 min, then 30 min. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRIES = [5_000, 30_000, 300_000, 1_800_000];

export class PdfFreezes {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly store: Store,
    private readonly render: PlanPdfRenderer,
    private readonly log: (line: string) => void,
    private readonly options: PdfFreezeOptions = {},
  ) {}

  /** Starts working through the queue (if not already); returns at once. Call at start and after each freeze. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work()
      .catch((e: unknown) => this.error('queue-failed', e))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when the queue has been worked through as far as it can be now (tests, the seed, shutdown). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking new plans from the queue; a render under way finishes and is stored. */
  stop(): void {
    this.stopped = true;
  }

  /** The PDF of a frozen plan still in the queue, made now and stored (or the one another worker stored first). */
  pdfFor(p: PendingPdf): Promise<Uint8Array> {
    let job = this.inFlight.get(p.planId);
    if (!job) {
      job = (async () => {
        const { nation } = await this.store.councilSettings.settingsFor(p.councilId);
        return this.store.storePlanPdf(p.planId, await this.render(p.doc as PathwayPlan, context(p, nation)));
      })();
      this.inFlight.set(p.planId, job);
      void job.then(
        () => this.inFlight.delete(p.planId),
        () => this.inFlight.delete(p.planId),
      );
    }
    return job;
  }

  private async work(): Promise<void> {
    const batch = this.options.batch ?? 8;
    const leaseMs = this.options.leaseMs ?? 60_000;
    const retries = this.options.retryDelaysMs ?? DEFAULT_RETRIES;
    while (!this.stopped) {
      const claimed = await this.store.claimPendingPdfs(batch, leaseMs);
      if (!claimed.length) return;
      for (const p of claimed) {
        if (this.stopped) return;
        try {
          await this.pdfFor(p);
        } catch (e) {
          this.error('render-failed', e, p.planId);
          const wait = retries[Math.min(p.attempts - 1, retries.length - 1)] ?? 60_000;
          await this.store.planPdfFailed(p.planId, errorName(e), wait).catch(() => undefined);
        }
        // Let requests in between two renders.
        await new Promise((r) => setImmediate(r));
      }
    }
  }

  private error(what: string, e: unknown, planId?: string): void {
    if (this.stopped) return;
    this.log(
      JSON.stringify({
        at: new Date().toISOString(),
        level: 'error',
        pdf: what,
        ...(planId ? { planId } : {}),
        error: errorName(e),
      }),
    );
  }
}

function context(p: PendingPdf, nation: Nation): RenderContext {
  return {
    council: { id: p.councilId, name: p.councilName, nation },
    locale: p.locale,
    createdAt: new Date(p.createdAt),
  };
}

function errorName(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
