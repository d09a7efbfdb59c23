// The one script a portal adds: registers <onward-checklist>, <onward-check-in>, <onward-plan> and
// <onward-agreement>. The checklist is in this file; the others load their code on demand from chunks beside it.
import { OnwardAgreementElement } from './agreement-element.js';
import { OnwardCheckInElement } from './check-in-element.js';
import { OnwardChecklistElement } from './checklist-element.js';
import { OnwardPlanElement } from './plan-element.js';

export { OnwardAgreementElement, OnwardCheckInElement, OnwardChecklistElement, OnwardPlanElement };

/** The element names and their classes. */
export const ELEMENTS = {
  'onward-checklist': OnwardChecklistElement,
  'onward-check-in': OnwardCheckInElement,
  'onward-plan': OnwardPlanElement,
  'onward-agreement': OnwardAgreementElement,
} as const;

/** Register every element (skipping names already defined, so loading the script twice is harmless). */
export function defineOnwardElements(registry: CustomElementRegistry = customElements): void {
  for (const [name, cls] of Object.entries(ELEMENTS)) if (!registry.get(name)) registry.define(name, cls);
}

declare global {
  interface HTMLElementTagNameMap {
    'onward-checklist': OnwardChecklistElement;
    'onward-check-in': OnwardCheckInElement;
    'onward-plan': OnwardPlanElement;
    'onward-agreement': OnwardAgreementElement;
  }
}
