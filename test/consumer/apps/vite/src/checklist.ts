// A checklist-only import: the page registers just <onward-checklist>. docs/size.md compares its first load with
// the prebuilt onward-elements.js.
import { OnwardChecklistElement } from '@onward/widgets';

customElements.define('onward-checklist', OnwardChecklistElement);
