// Loaded on demand by <onward-plan>: the plan view and store (and the lifecycle rules), kept out of the first load.
import { PlanView } from '../plan/plan.js';
import { type PlanOptions, PlanStore } from '../plan/plan.store.js';
import { baseCss } from '../styles/base.css.js';
import { preactImpl, type WidgetImpl } from './base.js';

export const planImpl: WidgetImpl<PlanStore, PlanOptions> = preactImpl(
  baseCss,
  (o: PlanOptions, emit) => new PlanStore(o, emit),
  PlanView,
);
