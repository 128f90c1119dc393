/**
 * Read-only maps over values packed in typed arrays, made when asked for: what a large chart keeps
 * per organ at every date step (its point, its box) without an object per organ. At 10,000 organs
 * those objects outlived the next young-generation collection, which had to copy them all: its
 * pauses were among the step's worst frames (README, Benchmarks).
 */

/** A value for each name that has one (`at` its place in `ids`), made when asked for. */
export abstract class Packed<V> implements ReadonlyMap<string, V> {
  constructor(
    protected readonly ids: readonly string[],
    protected readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The value of the node at place i, if it has one. */
  protected abstract at(i: number): V | undefined;

  get(id: string): V | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.ids.length; i++) if (this.at(i) !== undefined) n++;
    return n;
  }

  // Plain loops, not one iterator over another: the overview and the window read every node at each step.
  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.ids.length; i++) {
      const v = this.at(i);
      if (v !== undefined) yield [this.ids[i], v];
    }
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.ids.length; i++) if (this.at(i) !== undefined) yield this.ids[i];
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.ids.length; i++) {
      const v = this.at(i);
      if (v !== undefined) yield v;
    }
  }

  forEach(f: (value: V, key: string, map: ReadonlyMap<string, V>) => void, self?: unknown): void {
    for (let i = 0; i < this.ids.length; i++) {
      const v = this.at(i);
      if (v !== undefined) f.call(self, v, this.ids[i], this);
    }
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** Each name's place in `ids`. */
export function indexOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
  return index;
}
