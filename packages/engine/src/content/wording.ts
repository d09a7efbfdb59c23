// Wording lives in locale files keyed by question id, apart from the schema, so that councils can adapt words
// with young people without changing what is asked.
import type { Locale as LocaleFile } from '@onward/schemas';
import type { Question, QuestionSet, Variant } from './question-set.js';

export type { LocaleFile };

/** Which wording to show: a BCP 47 locale (e.g. `cy`, `en-GB`) and a variant. */
export interface WordingRequest {
  readonly locale: string;
  readonly variant: Variant;
}

/** A resolved piece of wording, with the locale and variant it actually came from. */
export interface Resolved {
  readonly text: string;
  readonly locale: string;
  readonly variant: Variant;
  /** Text direction of the locale it came from. */
  readonly dir: 'ltr' | 'rtl';
}

/** The locale every lookup finally falls back to. */
export const DEFAULT_LOCALE = 'en-GB';

/**
 * A set of locale files to resolve wording from. The fallback order for a request (locale L, variant V) is:
 *  1. L with V;  2. L standard;  3. the base language of L (`cy-GB` → `cy`) with V, then standard;
 *  4. en-GB with V;  5. en-GB standard.
 * So an easy-read request in Welsh shows Welsh standard wording before English easy read: the language the young
 * person chose matters more than the variant.
 */
export class Wording {
  private readonly files = new Map<string, LocaleFile>();
  /** chain() per request, worked out once: every lookup walks it, so it is kept until a file is added. */
  private readonly chains = new Map<string, readonly LocaleFile[]>();
  private rev = 0;

  constructor(files: readonly LocaleFile[] = []) {
    for (const f of files) this.add(f);
  }

  /** Add or replace a locale file (a council's own wording replaces the shipped one of the same locale and variant). */
  add(file: LocaleFile): this {
    this.files.set(key(file.meta.locale, file.meta.variant), file);
    this.chains.clear();
    this.rev += 1;
    return this;
  }

  /** Goes up by one each time a file is added, so a cache of resolved words can tell it is out of date. */
  get revision(): number {
    return this.rev;
  }

  /** Locale files held, in the order added. */
  list(): LocaleFile[] {
    return [...this.files.values()];
  }

  has(locale: string, variant: Variant): boolean {
    return this.files.has(key(locale, variant));
  }

  /** The candidate files for a request, most preferred first. */
  chain(req: WordingRequest): LocaleFile[] {
    return [...this.cachedChain(req)];
  }

  private cachedChain(req: WordingRequest): readonly LocaleFile[] {
    const k = key(req.locale, req.variant);
    let found = this.chains.get(k);
    if (!found) {
      found = this.buildChain(req);
      this.chains.set(k, found);
    }
    return found;
  }

  private buildChain(req: WordingRequest): LocaleFile[] {
    const base = req.locale.split('-')[0] ?? req.locale;
    const order: [string, Variant][] = [
      [req.locale, req.variant],
      [req.locale, 'standard'],
      [base, req.variant],
      [base, 'standard'],
      [DEFAULT_LOCALE, req.variant],
      [DEFAULT_LOCALE, 'standard'],
    ];
    const out: LocaleFile[] = [];
    for (const [l, v] of order) {
      const f = this.files.get(key(l, v));
      if (f && !out.includes(f)) out.push(f);
    }
    return out;
  }

  private resolveIn(req: WordingRequest, pick: (f: LocaleFile) => string | undefined): Resolved | undefined {
    for (const f of this.cachedChain(req)) {
      const text = pick(f);
      if (text !== undefined) return { text, locale: f.meta.locale, variant: f.meta.variant, dir: f.meta.dir };
    }
    return undefined;
  }

  /** The question's text, or its id when no locale has it (the content check reports that case). */
  question(q: Question | string, req: WordingRequest): Resolved {
    const id = typeof q === 'string' ? q : q.id;
    return (
      this.resolveIn(req, (f) => f.questions[id]) ?? {
        text: id,
        locale: DEFAULT_LOCALE,
        variant: 'standard',
        dir: 'ltr',
      }
    );
  }

  /**
   * An optional hint under the question (hard words explained). It comes from the same file as the question's
   * text, since it explains those words: a Welsh question never gets an English hint, and an easy-read hint is
   * never shown under standard wording.
   */
  hint(q: Question | string, req: WordingRequest): Resolved | undefined {
    const id = typeof q === 'string' ? q : q.id;
    const f = this.cachedChain(req).find((x) => x.questions[id] !== undefined);
    const text = f?.hints?.[id];
    return f && text !== undefined
      ? { text, locale: f.meta.locale, variant: f.meta.variant, dir: f.meta.dir }
      : undefined;
  }

  domain(domainId: string, req: WordingRequest): { title: string; description: string; locale: string } {
    for (const f of this.cachedChain(req)) {
      const d = f.domains[domainId];
      if (d) return { ...d, locale: f.meta.locale };
    }
    return { title: domainId, description: '', locale: DEFAULT_LOCALE };
  }

  /** A UI string (button, label, message) by key, with `{name}` placeholders filled from `vars`. */
  ui(name: string, req: WordingRequest, vars: Record<string, string | number> = {}): string {
    const found = this.resolveIn(req, (f) => f.ui?.[name]);
    const text = found?.text ?? name;
    return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  }

  /** Text direction for a request: that of the first locale file in its chain. */
  dir(req: WordingRequest): 'ltr' | 'rtl' {
    return this.cachedChain(req)[0]?.meta.dir ?? 'ltr';
  }

  /**
   * The exact text of every question as shown for a request, to freeze with an authorised plan so that it
   * always renders with the words the young person saw.
   */
  snapshot(set: QuestionSet, req: WordingRequest): Record<string, string> {
    const out: Record<string, string> = {};
    for (const q of set.questions) out[q.id] = this.question(q, req).text;
    return out;
  }
}

function key(locale: string, variant: Variant): string {
  return `${locale}|${variant}`;
}
