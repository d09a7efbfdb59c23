// Loaded on demand by <onward-check-in>.
import { CheckInView } from '../check-in/check-in.js';
import { type CheckInOptions, CheckInStore } from '../check-in/check-in.store.js';
import { baseCss } from '../styles/base.css.js';
import { preactImpl, type WidgetImpl } from './base.js';

export const checkInImpl: WidgetImpl<CheckInStore, CheckInOptions> = preactImpl(
  baseCss,
  (o: CheckInOptions, emit) => new CheckInStore(o, emit),
  CheckInView,
);
