// A wide table's scroll region. At 320 CSS px (WCAG 1.4.10) a table may scroll sideways inside its region while
// the page itself never does; the region is named after the table and can be focused, so a keyboard user can
// scroll it with the arrow keys (axe: scrollable-region-focusable).
import type { ComponentChildren } from 'preact';

export function TableRegion(props: { label: string; children: ComponentChildren }) {
  return (
    <section class="table-wrap" aria-label={props.label} tabindex={0}>
      {props.children}
    </section>
  );
}
