// The base of every Onward custom element: a shadow root styled with a constructable stylesheet (allowed under a
// strict `style-src 'self'` CSP, unlike <style>), a store built from attributes and properties, a Preact render
// of the widget's view, and the store's events re-dispatched as DOM CustomEvents (bubbling, composed).
import { type ComponentType, h, render } from 'preact';
import type { Emit, OnwardEventMap, OnwardEventName } from '../shared/events.js';

export interface WidgetStore {
  start(): Promise<void>;
  dispose(): void;
  setLocale?(locale: string): void;
}

/**
 * A widget's implementation. It renders with its own Preact (`mount`/`unmount`), so that an implementation loaded
 * on demand from a separate file never mixes with another copy of Preact.
 */
export interface WidgetImpl<S extends WidgetStore, O> {
  readonly css: string;
  readonly create: (options: O, emit: Emit) => S;
  readonly mount: (store: S, container: Element) => void;
  readonly unmount: (container: Element) => void;
}

/** A WidgetImpl rendering `View` with this module's Preact. */
export function preactImpl<S extends WidgetStore, O>(
  css: string,
  create: (options: O, emit: Emit) => S,
  View: ComponentType<{ store: S }>,
): WidgetImpl<S, O> {
  return { css, create, mount: (store, el) => render(h(View, { store }), el), unmount: (el) => render(null, el) };
}

const sheets = new Map<string, CSSStyleSheet>();

function canAdopt(root: ShadowRoot): boolean {
  return (
    'adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype
  );
}

/** Apply the widget styles to a shadow root without a <style> element. */
export function adoptCss(root: ShadowRoot, css: string, fallbackHref: string | undefined): void {
  if (canAdopt(root)) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } else if (fallbackHref) {
    // Older browsers: a same-origin stylesheet link, which `style-src 'self'` allows.
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = fallbackHref;
    root.prepend(link);
  }
}

/** Reads boolean attributes the HTML way: present (any value but "false") means true. */
export function boolAttr(el: Element, name: string): boolean {
  const v = el.getAttribute(name);
  return v !== null && v !== 'false';
}

/** HTMLElement, or a stand-in where there is no DOM (so importing the package in Node never throws). */
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

type Loader<S extends WidgetStore, O> = () => Promise<WidgetImpl<S, O>> | WidgetImpl<S, O>;

export abstract class OnwardElement<S extends WidgetStore, O> extends ElementBase {
  /** Properties every element accepts (and upgrades when set before the element was defined). */
  protected static readonly props: readonly string[] = [];
  protected readonly props: Record<string, unknown> = {};
  protected store: S | undefined;
  private readonly mount: HTMLDivElement;
  private impl: WidgetImpl<S, O> | undefined;
  private connected = false;
  private generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.mount = document.createElement('div');
    root.append(this.mount);
  }

  protected abstract loader(): Loader<S, O>;
  /** Options for the store from attributes and properties. */
  protected abstract options(): O;

  /** The store for this element, once it has been created (for hosts and tests). */
  get widgetStore(): S | undefined {
    return this.store;
  }

  connectedCallback(): void {
    this.connected = true;
    // Properties set on the element before it was upgraded shadow the class's accessors: move them across.
    for (const name of (this.constructor as typeof OnwardElement).props) {
      if (Object.hasOwn(this, name)) {
        const v = (this as unknown as Record<string, unknown>)[name];
        delete (this as unknown as Record<string, unknown>)[name];
        (this as unknown as Record<string, unknown>)[name] = v;
      }
    }
    void this.rebuild();
  }

  disconnectedCallback(): void {
    this.connected = false;
    this.teardown();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.connected || !this.store) return;
    if (name === 'locale' && this.store.setLocale && value) this.store.setLocale(value);
    else void this.rebuild();
  }

  protected setProp(name: string, value: unknown, rebuild = true): void {
    this.props[name] = value;
    if (rebuild && this.connected) void this.rebuild();
  }

  /** False while a required property (e.g. the plan) has not been given yet. */
  protected canRender(): boolean {
    return true;
  }

  protected emit: Emit = <K extends OnwardEventName>(type: K, detail: OnwardEventMap[K]) => {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  };

  private teardown(): void {
    this.generation += 1;
    if (this.store) this.store.dispose();
    this.store = undefined;
    this.impl?.unmount(this.mount);
  }

  protected async rebuild(): Promise<void> {
    this.teardown();
    const gen = this.generation;
    if (!this.canRender()) return;
    if (!this.impl) {
      const loaded = this.loader()();
      this.impl = loaded instanceof Promise ? await loaded : loaded;
      if (gen !== this.generation || !this.connected) return;
      adoptCss(this.shadowRoot!, this.impl.css, this.getAttribute('stylesheet') ?? undefined);
    }
    const impl = this.impl;
    const store = impl.create(this.options(), this.emit);
    this.store = store;
    impl.mount(store, this.mount);
    await store.start();
    if (gen === this.generation) this.dispatchEvent(new CustomEvent('onward-ready', { bubbles: true, composed: true }));
  }
}
