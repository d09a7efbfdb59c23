// <onward-dashboard>: the dashboard as a custom element for any page. Give it either `data` (a DashboardData built
// by a server for the viewer) or `records` (insights input records) with `viewer` and an `as-at` attribute, and it
// works the figures out in the page. Styles are adopted (no <style> element), so a strict CSP is fine.
import {
  buildInsightsIndex,
  type InsightsFilters,
  type InsightsIndex,
  type InsightsYoungPerson,
  type Viewer,
} from '@onward/engine';
import { h, render } from 'preact';
import { buildDashboardData, type DashboardData, drillDownFor } from './data.js';
import { adoptDashboardCss } from './styles.js';
import { Dashboard } from './views/dashboard.js';

// In Node (a CLI or server importing this package for buildDashboardData) there is no HTMLElement: a stand-in
// keeps the import working; defineDashboardElement does nothing there.
const Base: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

export class OnwardDashboardElement extends Base {
  static readonly observedAttributes = ['as-at', 'from', 'role', 'src', 'no-charts', 'lang'];
  private _data: DashboardData | undefined;
  private _records: readonly InsightsYoungPerson[] | undefined;
  private _index: InsightsIndex | undefined;
  private _viewer: Viewer | undefined;
  private filters: InsightsFilters = {};
  private readonly root: ShadowRoot;
  private fetched: string | undefined;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    adoptDashboardCss(this.root);
  }

  /** Figures built elsewhere (e.g. by the server, already suppressed for the viewer). */
  get data(): DashboardData | undefined {
    return this._data;
  }
  set data(value: DashboardData | undefined) {
    this._data = value;
    this.update();
  }

  /** Insights input records, worked out in the page for `viewer`. */
  get records(): readonly InsightsYoungPerson[] | undefined {
    return this._records;
  }
  set records(value: readonly InsightsYoungPerson[] | undefined) {
    this._records = value;
    this._index = value ? buildInsightsIndex(value) : undefined;
    this.update();
  }

  get viewer(): Viewer {
    return this._viewer ?? { role: (this.getAttribute('role') as Viewer['role']) ?? 'analyst' };
  }
  set viewer(value: Viewer) {
    this._viewer = value;
    this.update();
  }

  connectedCallback(): void {
    this.update();
  }
  disconnectedCallback(): void {
    render(null, this.root);
  }
  attributeChangedCallback(): void {
    this.update();
  }

  private update(): void {
    if (!this.isConnected) return;
    const src = this.getAttribute('src');
    if (!this._data && !this._index && src && this.fetched !== src) {
      this.fetched = src;
      fetch(src, { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((d: DashboardData) => {
          this.data = d;
        })
        .catch(() => this.showMessage('The figures could not be loaded. Try again later.'));
      return;
    }
    const noCharts = this.hasAttribute('no-charts');
    const lang = this.getAttribute('lang') ?? 'en-GB';
    if (this._index) {
      const asAt = this.getAttribute('as-at') ?? new Date().toISOString().slice(0, 10);
      const from = this.getAttribute('from') ?? undefined;
      const viewer = this.viewer;
      let data: DashboardData;
      try {
        data = buildDashboardData(this._index, { asAt, ...(from ? { from } : {}), filters: this.filters }, viewer);
      } catch (e) {
        this.showMessage((e as Error).message);
        return;
      }
      const drillDown = drillDownFor(this._index, viewer, asAt, this.filters);
      render(
        h(Dashboard, {
          data,
          noCharts,
          lang,
          onFiltersChange: (f: InsightsFilters) => {
            this.filters = f;
            this.update();
          },
          ...(drillDown ? { drillDown } : {}),
        }),
        this.root,
      );
      return;
    }
    if (this._data) render(h(Dashboard, { data: this._data, noCharts, lang }), this.root);
  }

  private showMessage(text: string): void {
    render(h('div', { class: 'od', role: 'alert' }, h('p', null, text)), this.root);
  }
}

/** Define `<onward-dashboard>` (or another tag name). Safe to call twice. */
export function defineDashboardElement(tag = 'onward-dashboard'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag))
    customElements.define(tag, OnwardDashboardElement);
}
