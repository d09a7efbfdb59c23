// Loaded on demand by <onward-agreement>.
import { AgreementView } from '../agreement/agreement.js';
import { type AgreementOptions, AgreementStore } from '../agreement/agreement.store.js';
import { baseCss } from '../styles/base.css.js';
import { preactImpl, type WidgetImpl } from './base.js';

export const agreementImpl: WidgetImpl<AgreementStore, AgreementOptions> = preactImpl(
  baseCss,
  (o: AgreementOptions, emit) => new AgreementStore(o, emit),
  AgreementView,
);
