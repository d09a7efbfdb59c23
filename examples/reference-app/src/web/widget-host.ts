// Browser-side helpers shared by the young person's page scripts (src/client/young-person-*.ts): calling the
// server's JSON API with the session cookie and CSRF header, keeping widget drafts for this browser tab only, and
// the page's own status and error messages around a widget. Bundled into each page script (never inline: the
// pages run under `script-src 'self'`).

/** A problem document from the API, or a network failure, as one plain message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface ProblemDoc {
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** The CSRF token: from the page (data-csrf), else the readable `onward_csrf` cookie. */
export function csrfToken(host: HTMLElement): string {
  if (host.dataset.csrf) return host.dataset.csrf;
  const m = /(?:^|;\s*)onward_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1] ?? '') : '';
}

/** Calls the API with the visitor's session. Throws ApiError with the server's own words when it refuses. */
export async function api<T>(
  method: string,
  path: string,
  opts: { body?: unknown; csrf?: string; headers?: Record<string, string>; networkMessage: string },
): Promise<{ data: T; status: number }> {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && opts.csrf) headers['x-csrf-token'] = opts.csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch {
    throw new ApiError(0, opts.networkMessage);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const p = (data ?? {}) as ProblemDoc;
    const parts = p.errors?.length ? p.errors.map((e) => e.message) : [p.detail ?? p.title ?? opts.networkMessage];
    throw new ApiError(res.status, parts.join(' '));
  }
  return { data: data as T, status: res.status };
}

/** A StorageAdapter-shaped store in sessionStorage: drafts survive a reload and a lost connection, but not the
 * end of the browser session, so a shared phone does not keep a young person's words after they leave. */
export function tabDrafts<T>(prefix = 'onward-draft:'): {
  load(key: string): T | undefined;
  save(key: string, value: T): void;
} {
  const memory = new Map<string, string>();
  const area = (): Storage | undefined => {
    try {
      return window.sessionStorage;
    } catch {
      return undefined;
    }
  };
  return {
    load(key) {
      let raw: string | null | undefined;
      try {
        raw = area()?.getItem(prefix + key);
      } catch {
        raw = undefined;
      }
      raw ??= memory.get(key);
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return undefined;
      }
    },
    save(key, value) {
      const raw = JSON.stringify(value);
      memory.set(key, raw);
      try {
        area()?.setItem(prefix + key, raw);
      } catch {
        // Storage full or refused: the copy in memory keeps the work for this page.
      }
    },
  };
}

/** The page's message areas next to a widget: a polite status line and an alert for problems. Both stay in the
 * page (empty when there is nothing to say) so that screen readers announce what is put in them. */
export class Messages {
  private readonly status: HTMLElement | null;
  private readonly alert: HTMLElement | null;

  constructor(host: HTMLElement) {
    const scope = host.parentElement ?? document;
    this.status = scope.querySelector<HTMLElement>('[data-widget-status]');
    this.alert = scope.querySelector<HTMLElement>('[data-widget-alert]');
  }

  /** A success or progress message (replaces any problem shown). `focus` moves focus (and the view) to it, for
   * the outcome of a button pressed far down the page. */
  say(lines: string[], focus = false): void {
    this.clearProblem();
    if (!this.status) return;
    this.status.replaceChildren(...lines.map((l) => paragraph(l)));
    this.status.className = lines.length ? 'panel-success' : '';
    if (focus) this.status.focus();
  }

  /**
   * A problem: a heading and the message, announced at once. `focus` moves keyboard focus to it (after a button
   * press); `floating` keeps it in view at the foot of the screen without taking focus (while someone is typing).
   */
  problem(title: string, message: string, how: { focus?: boolean; floating?: boolean } = {}): void {
    if (this.status) {
      this.status.replaceChildren();
      this.status.className = '';
    }
    if (!this.alert) return;
    const h = document.createElement('h2');
    h.textContent = title;
    this.alert.replaceChildren(h, paragraph(message));
    this.alert.className = how.floating ? 'error-summary widget-alert-floating' : 'error-summary';
    if (how.focus) this.alert.focus();
  }

  clearProblem(): void {
    if (!this.alert?.firstChild) return;
    this.alert.replaceChildren();
    this.alert.className = '';
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text; // their words and the server's are text, never markup
  return p;
}

/** Reads a message the server rendered into the page (data-msg-*), in the visitor's language and wording. */
export function msg(host: HTMLElement, name: string): string {
  return host.dataset[`msg${name[0]!.toUpperCase()}${name.slice(1)}`] ?? '';
}

/**
 * Puts the widget in place of the no-script version once it is ready to show saved work. The widget has its own
 * visible title, so the page's h1 (same meaning) stays for screen readers only, rather than showing twice.
 */
export function swapIn(host: HTMLElement, el: HTMLElement): void {
  const fallback = host.querySelector<HTMLElement>('[data-fallback]');
  el.addEventListener(
    'onward-ready',
    () => {
      fallback?.remove();
      el.hidden = false;
      if (host.dataset.widgetTitled !== undefined) document.querySelector('main h1')?.classList.add('visually-hidden');
    },
    { once: true },
  );
  el.hidden = true;
  host.append(el);
}
