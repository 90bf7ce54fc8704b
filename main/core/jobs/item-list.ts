import type { PlanItem } from '../../../preload/contract/jobs.js';

/** A job's planned items, by index. */
export interface ItemList {
  readonly length: number;
  get(i: number): PlanItem;
}

export function arrayItems(items: PlanItem[]): ItemList {
  return { length: items.length, get: (i) => items[i] };
}

/**
 * Items kept as the JSON lines they were stored as, each parsed the first
 * time it is needed. Why: resuming a 50,000-item job must be ready in well
 * under a second, and parsing every item up front costs most of that while
 * a resumed job needs the pending ones only, a few at a time.
 */
export class LazyItems implements ItemList {
  private readonly starts: number[] = [];
  private readonly parsed: Array<PlanItem | undefined>;

  constructor(private readonly data: Buffer) {
    for (let at = 0; at < data.length; ) {
      const end = data.indexOf(0x0a, at);
      if (end < 0) break;
      if (end > at) this.starts.push(at);
      at = end + 1;
    }
    this.parsed = new Array<PlanItem | undefined>(this.starts.length);
  }

  get length(): number {
    return this.starts.length;
  }

  get(i: number): PlanItem {
    let item = this.parsed[i];
    if (!item) {
      const start = this.starts[i];
      item = JSON.parse(this.data.toString('utf8', start, this.data.indexOf(0x0a, start))) as PlanItem;
      this.parsed[i] = item;
    }
    return item;
  }
}
