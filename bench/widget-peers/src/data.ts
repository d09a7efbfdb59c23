// The question set the bench page gives every contender (window.BENCH_DATA, written by scripts/bench.mjs from the
// engine and the shipped en-GB wording).
export interface BenchQuestion {
  readonly id: string;
  readonly key: string;
  readonly text: string;
  readonly hint?: string;
}
export interface BenchDomain {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly questions: readonly BenchQuestion[];
}
export interface BenchData {
  readonly ui: Record<string, string> & { readonly status: Record<string, string> };
  readonly domains: readonly BenchDomain[];
}
export const data = (window as unknown as { BENCH_DATA: BenchData }).BENCH_DATA;
export const ANSWERS = [
  ['yes', data.ui.yes],
  ['no', data.ui.no],
  ['not-relevant', data.ui.notRelevant],
] as const;

interface Adapter {
  root(): ParentNode | null | undefined;
  paged: boolean;
  sectionReady(i: number): boolean;
  showSection(i: number): void;
  toSection(i: number): Promise<void>;
  radio(q: BenchQuestion, value: string): HTMLInputElement;
  answered(q: BenchQuestion): boolean;
  reveal(q: BenchQuestion): [() => void, () => boolean];
  hide(q: BenchQuestion): [() => void, () => boolean];
}
/** Register this page's adapter with the in-page driver (bench/driver.js). */
export function adapter(name: string, a: Adapter): void {
  const w = window as unknown as { BENCH_ADAPTERS?: Record<string, Adapter> };
  w.BENCH_ADAPTERS ??= {};
  w.BENCH_ADAPTERS[name] = a;
}
export const helpers = () =>
  (
    window as unknown as {
      BENCH_HELPERS: { until: (c: () => boolean) => Promise<number> };
    }
  ).BENCH_HELPERS;
