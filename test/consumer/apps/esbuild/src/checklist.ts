import { OnwardChecklistElement } from '@onward/widgets';

customElements.define('onward-checklist', OnwardChecklistElement);
