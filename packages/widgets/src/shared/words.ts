// The words a widget shows, resolved once per locale, variant and wording: question and hint texts, domain titles
// and the UI strings. Each is looked up through the Wording fallback chain the first time it is asked for and
// kept, so rendering a card reads a Map instead of walking locale files. A store holds its Words in a computed
// signal that depends on the locale, the variant and the wording's revision (bumped when a locale file arrives),
// so a change of any of them gives new Words and every view that reads them renders again.
import type { Question, Resolved, Variant, Wording, WordingRequest } from '@onward/engine';
import { type Catalogues, type Translate, translator } from '../i18n/index.js';

export interface Words {
  readonly req: WordingRequest;
  /** The widget root's lang: the locale asked for. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  question(q: Question | string): Resolved;
  hint(q: Question | string): Resolved | undefined;
  domain(id: string): { readonly title: string; readonly description: string; readonly locale: string };
}

/** Words for a request; `dir` given by the host wins over the locale file's. */
export function resolveWords(
  wording: Wording,
  catalogues: readonly Catalogues[],
  locale: string,
  variant: Variant,
  dir?: 'ltr' | 'rtl',
): Words {
  const req: WordingRequest = { locale, variant };
  const questions = new Map<string, Resolved>();
  const hints = new Map<string, Resolved | null>();
  const domains = new Map<string, { title: string; description: string; locale: string }>();
  const idOf = (q: Question | string) => (typeof q === 'string' ? q : q.id);
  return {
    req,
    lang: locale,
    dir: dir ?? wording.dir(req),
    t: translator(catalogues, wording, req),
    question(q) {
      const id = idOf(q);
      let r = questions.get(id);
      if (!r) {
        r = wording.question(id, req);
        questions.set(id, r);
      }
      return r;
    },
    hint(q) {
      const id = idOf(q);
      let r = hints.get(id);
      if (r === undefined) {
        r = wording.hint(id, req) ?? null;
        hints.set(id, r);
      }
      return r ?? undefined;
    },
    domain(id) {
      let d = domains.get(id);
      if (!d) {
        d = wording.domain(id, req);
        domains.set(id, d);
      }
      return d;
    },
  };
}

/**
 * For stores that keep their view state in one object: the Words for the current request, kept until the
 * locale, variant, direction or the wording's revision changes.
 */
export function wordsCache(wording: Wording, catalogues: readonly Catalogues[]) {
  let key = '';
  let words: Words | undefined;
  return (locale: string, variant: Variant, dir?: 'ltr' | 'rtl'): Words => {
    const k = `${locale}|${variant}|${dir ?? ''}|${wording.revision}`;
    if (!words || k !== key) {
      words = resolveWords(wording, catalogues, locale, variant, dir);
      key = k;
    }
    return words;
  };
}
