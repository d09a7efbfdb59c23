// Immutable get/set by dotted path (`domains.housing.goals.0.goal`), used by the plan and agreement editors so
// that every field's id, value and validation error share one name: the path the schema reports.

export function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/**
 * A copy of `obj` with `value` at `path`; containers on the way are copied (arrays stay arrays). Setting
 * `undefined` or an empty string removes the property, so optional fields left blank are simply absent.
 */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const parts = path.split('.');
  const go = (cur: unknown, i: number): unknown => {
    const key = parts[i]!;
    const last = i === parts.length - 1;
    const isIndex = /^\d+$/.test(key);
    const base: Record<string, unknown> | unknown[] = Array.isArray(cur)
      ? [...cur]
      : cur && typeof cur === 'object'
        ? { ...(cur as object) }
        : isIndex
          ? []
          : {};
    const rec = base as Record<string, unknown>;
    if (last) {
      if ((value === undefined || value === '') && !Array.isArray(base)) delete rec[key];
      else rec[key] = value;
    } else rec[key] = go(rec[key], i + 1);
    return base;
  };
  return go(obj, 0) as T;
}

/** Remove item `index` of the array at `path`. */
export function removeAt<T>(obj: T, path: string, index: number): T {
  const arr = (getPath(obj, path) as unknown[] | undefined) ?? [];
  return setPath(
    obj,
    path,
    arr.filter((_, i) => i !== index),
  );
}

/** Append `item` to the array at `path` (creating it). */
export function append<T>(obj: T, path: string, item: unknown): T {
  const arr = (getPath(obj, path) as unknown[] | undefined) ?? [];
  return setPath(obj, path, [...arr, item]);
}

/** A new id matching the schemas' id pattern. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** A DOM id for a field path, unique in the page thanks to the widget prefix. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}
