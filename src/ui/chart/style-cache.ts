/**
 * A guard for Cytoscape's cache of parsed style values. Cytoscape files each parsed (property,
 * value) under a 32-bit hash and trusts a hit; with tens of thousands of distinct labels and edge
 * bends two of them collide, and an edge is handed a node's label as its bends (the page error
 * "obj.match is not a function", and wrong drawing; cytoscape/cytoscape.js#2665). This keys the
 * cache by the whole (property, value) instead. Installed once, on Cytoscape's style prototype,
 * reached through the chart's own core (a core made only for this would cost the first chart a
 * whole Core and its default stylesheet). The core's stylesheet is parsed before the guard is in;
 * its few dozen values cannot collide, and every element's values after it go through the guard.
 */
import type { Core } from 'cytoscape';

type Parse = (name: string, value: unknown, bypass?: boolean, flat?: unknown) => unknown;
interface StyleProto {
  parse: Parse;
  parseImplWarn: Parse;
}

const copy = (x: unknown): unknown => (Array.isArray(x) ? x.slice() : x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype ? { ...x } : x);

let installed = false;

/** Installs the guard on the style prototype of `cy` (every core shares it), before any element is added. */
export function guardStyleCache(cy: Core): void {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(cy.style()) as StyleProto;
  const cache = new Map<string, unknown>();
  proto.parse = function (this: StyleProto, name, value, bypass, flat) {
    if (typeof value === 'function') return this.parseImplWarn(name, value, bypass, flat);
    const flatKey = flat === 'mapping' || flat === true || flat === false || flat == null ? '' : String(flat);
    const key = `${name}\u0000${String(value)}\u0000${bypass ? 't' : 'f'}\u0000${flatKey}`;
    let ret = cache.get(key);
    if (ret === undefined) {
      ret = this.parseImplWarn(name, value, bypass, flat);
      // Distinct labels accumulate as the dates change: start again past a bound.
      if (cache.size > 200_000) cache.clear();
      cache.set(key, ret);
    }
    // As Cytoscape does: bypasses and mappings are per element, and later mutated.
    if ((bypass || flat === 'mapping') && ret && typeof ret === 'object') {
      const r = { ...(ret as Record<string, unknown>) };
      r.value = copy(r.value);
      return r;
    }
    return ret;
  };
}
