// Suppression as a property of a whole output. Every count an output shows (a dashboard, an API answer, a CSV, JSON
// or spreadsheet file) is a cell registered here, with the sums that tie cells together (a total and its parts; a
// group and the groups it splits into). One step then hides:
// - every small count (1 to threshold - 1): primary suppression, shown as "fewer than 5";
// - as many other counts as it takes that no hidden small count, and no small group the output implies without
//   showing it (the young people not in touch = all minus those in touch), can be worked out from what is shown:
//   complementary suppression, shown as "hidden".
//
// "Worked out" is judged as someone holding the whole output would: they know every shown count, that a "fewer
// than 5" count is from 1 to threshold - 1, that a "hidden" count is at least the threshold (it would say "fewer
// than 5" otherwise) and every sum between cells (the data dictionary names them). Bounds are pushed through every
// sum until nothing changes; a small count whose bounds close on one value is given away, so another cell of a sum
// it is in is hidden, and the check runs again. Cells are grouped by the sums that link them and each group is
// checked on its own, so a large output costs little more than its parts.

/** How a cell is shown after protection. */
export const SHOWN = 0;
export const PRIMARY = 1;
export const SECONDARY_HIDDEN = 2;
/** Implied by the output but never shown (e.g. the young people not in touch): only ever worked out. */
export const IMPLIED = 3;

const BIG = 1e12;

export class OutputCells {
  readonly values: number[] = [];
  /** 1 when the cell is shown in the output, 0 when it is only implied by sums. */
  private readonly published: number[] = [];
  private readonly relations: { total: number; parts: number[] }[] = [];
  private status: Uint8Array | undefined;

  constructor(readonly threshold: number) {}

  /** A count the output shows. Returns its id. */
  count(value: number): number {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`A count must be a whole number, not ${value}.`);
    this.values.push(value);
    this.published.push(1);
    this.status = undefined;
    return this.values.length - 1;
  }

  /** A count the output implies but does not show (it follows from others by subtraction). */
  implied(value: number): number {
    const id = this.count(value);
    this.published[id] = 0;
    return id;
  }

  /** total = sum of parts, exactly. */
  sum(total: number, parts: readonly number[]): void {
    if (!parts.length) return;
    let s = 0;
    for (const p of parts) s += this.values[p]!;
    if (s !== this.values[total])
      throw new Error(`Internal error: cells do not add up (${s} against ${this.values[total]}).`);
    this.relations.push({ total, parts: [...parts] });
    this.status = undefined;
  }

  /** whole ⊇ part: the difference is a group of its own (registered as an implied cell). */
  contains(whole: number, part: number): number {
    const rest = this.implied(this.values[whole]! - this.values[part]!);
    this.sum(whole, [part, rest]);
    return rest;
  }

  small(v: number): boolean {
    return v > 0 && v < this.threshold;
  }

  /** Work out what to hide. `exact`: nothing is hidden (the viewer may see individuals). */
  protect(exact: boolean): Uint8Array {
    const n = this.values.length;
    const status = new Uint8Array(n);
    for (let i = 0; i < n; i++) status[i] = this.published[i] ? SHOWN : IMPLIED;
    if (!exact) {
      for (let i = 0; i < n; i++) if (this.published[i] && this.small(this.values[i]!)) status[i] = PRIMARY;
      for (const component of this.components()) this.protectComponent(component, status);
    }
    this.status = status;
    return status;
  }

  /** How cell `id` is shown (after protect). */
  statusOf(id: number): number {
    if (!this.status) throw new Error('Internal error: protect() has not run.');
    return this.status[id]!;
  }

  /** Cells linked by sums, each list in id order; cells in no sum are left out (nothing can be worked out). */
  private components(): { cells: number[]; relations: number[] }[] {
    const parent = this.values.map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]!]!;
        x = parent[x]!;
      }
      return x;
    };
    this.relations.forEach((r) => {
      for (const p of r.parts) {
        const a = find(r.total);
        const b = find(p);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    });
    const groups = new Map<number, { cells: number[]; relations: number[] }>();
    this.relations.forEach((r, k) => {
      const root = find(r.total);
      let g = groups.get(root);
      if (!g) {
        g = { cells: [], relations: [] };
        groups.set(root, g);
      }
      g.relations.push(k);
    });
    const inSome = new Uint8Array(this.values.length);
    for (const r of this.relations) {
      inSome[r.total] = 1;
      for (const p of r.parts) inSome[p] = 1;
    }
    for (let i = 0; i < this.values.length; i++) if (inSome[i]) groups.get(find(i))?.cells.push(i);
    return [...groups.values()];
  }

  /**
   * Bounds someone could work out for every cell of a component from what is shown. Returns the cells whose value
   * is given away although it must not be: a hidden small count, or an implied small group, pinned to one value.
   */
  private leaks(component: { cells: number[]; relations: number[] }, status: Uint8Array): number[] {
    const T = this.threshold;
    const local = new Map<number, number>();
    component.cells.forEach((c, i) => {
      local.set(c, i);
    });
    const n = component.cells.length;
    const lo = new Float64Array(n);
    const hi = new Float64Array(n);
    component.cells.forEach((c, i) => {
      const v = this.values[c]!;
      const s = status[c]!;
      if (s === SHOWN) lo[i] = hi[i] = v;
      else if (s === PRIMARY) {
        lo[i] = 1;
        hi[i] = T - 1;
      } else if (s === SECONDARY_HIDDEN) {
        lo[i] = T;
        hi[i] = BIG;
      } else {
        lo[i] = 0;
        hi[i] = BIG;
      }
    });
    const rels = component.relations.map((k) => {
      const r = this.relations[k]!;
      return { total: local.get(r.total)!, parts: r.parts.map((x) => local.get(x)!) };
    });
    for (let round = 0, changed = true; changed && round < 500; round++) {
      changed = false;
      for (const r of rels) {
        let sumLo = 0;
        let finiteHi = 0;
        let open = 0;
        for (const p of r.parts) {
          sumLo += lo[p]!;
          if (hi[p]! >= BIG) open++;
          else finiteHi += hi[p]!;
        }
        const sumHi = open ? BIG : finiteHi;
        const tLo = Math.max(lo[r.total]!, sumLo);
        const tHi = Math.min(hi[r.total]!, sumHi);
        if (tLo !== lo[r.total] || tHi !== hi[r.total]) {
          lo[r.total] = tLo;
          hi[r.total] = tHi;
          changed = true;
        }
        for (const p of r.parts) {
          const pOpen = hi[p]! >= BIG;
          const othersOpen = open - (pOpen ? 1 : 0);
          const othersHi = othersOpen ? BIG : finiteHi - (pOpen ? 0 : hi[p]!);
          const othersLo = sumLo - lo[p]!;
          const pLo = othersHi >= BIG ? lo[p]! : Math.max(lo[p]!, tLo - othersHi);
          const pHi = tHi >= BIG ? hi[p]! : Math.min(hi[p]!, tHi - othersLo);
          if (pLo !== lo[p] || pHi !== hi[p]) {
            lo[p] = pLo;
            hi[p] = pHi;
            changed = true;
          }
        }
      }
    }
    const out: number[] = [];
    component.cells.forEach((c, i) => {
      const s = status[c]!;
      const sensitive = s === PRIMARY || (s === IMPLIED && this.small(this.values[c]!));
      if (sensitive && lo[i]! >= hi[i]!) out.push(c);
    });
    return out;
  }

  private protectComponent(component: { cells: number[]; relations: number[] }, status: Uint8Array): void {
    const byCell = new Map<number, number[]>();
    for (const k of component.relations) {
      const r = this.relations[k]!;
      for (const c of [r.total, ...r.parts]) {
        let l = byCell.get(c);
        if (!l) {
          l = [];
          byCell.set(c, l);
        }
        l.push(k);
      }
    }
    for (let guard = 0; guard <= component.cells.length; guard++) {
      const leaks = this.leaks(component, status);
      if (!leaks.length) return;
      const leak = leaks[0]!;
      // Hide one more cell near the first leak: of the shown non-zero cells sharing a sum with it (or, further out,
      // with those), the smallest whose hiding stops the leak; failing that, the nearest smallest.
      const candidates = this.nearby(leak, byCell, status);
      if (!candidates.length) {
        // Nothing left to hide that could help: hide every shown cell of the component.
        for (const c of component.cells) if (status[c] === SHOWN && this.values[c]! > 0) status[c] = SECONDARY_HIDDEN;
        return;
      }
      let pick = -1;
      const tries = [...candidates].sort((x, y) => this.values[x]! - this.values[y]! || x - y).slice(0, 40);
      for (const c of tries) {
        status[c] = SECONDARY_HIDDEN;
        const still = this.leaks(component, status).includes(leak);
        status[c] = SHOWN;
        if (!still) {
          pick = c;
          break;
        }
      }
      status[pick >= 0 ? pick : candidates[0]!] = SECONDARY_HIDDEN;
    }
  }

  /** Shown non-zero cells near `leak` through sums, nearest first, smallest first within each step out. */
  private nearby(leak: number, byCell: Map<number, number[]>, status: Uint8Array): number[] {
    const seen = new Set<number>([leak]);
    const out: number[] = [];
    let frontier = [leak];
    for (let depth = 0; frontier.length && depth < 4; depth++) {
      const next: number[] = [];
      const layer: number[] = [];
      for (const c of frontier) {
        for (const k of byCell.get(c) ?? []) {
          const r = this.relations[k]!;
          for (const x of [...r.parts, r.total]) {
            if (seen.has(x)) continue;
            seen.add(x);
            next.push(x);
            if (status[x] === SHOWN && this.values[x]! > 0) layer.push(x);
          }
        }
      }
      layer.sort((x, y) => this.values[x]! - this.values[y]! || x - y);
      out.push(...layer);
      frontier = next;
    }
    return out;
  }
}
