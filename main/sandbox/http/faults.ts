/** Faults injected per route for the next N calls (POST /__sandbox/faults). */
export type FaultKind = 429 | 500 | 503 | 'drop';

export interface FaultRule {
  /** Route path after /2/ ("team/members/list_v2"), or "*" for every route. */
  route: string;
  fault: FaultKind;
  /** How many upcoming calls get the fault. */
  count: number;
  /** Seconds for Retry-After on 429 (default 1). */
  retryAfter?: number;
}

export class FaultPlan {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    if (rule.count > 0) this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Consumes and returns the fault for this call, if any (first matching rule wins). */
  take(route: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.route === route || r.route === '*');
    if (!rule) return undefined;
    rule.count--;
    if (rule.count <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}
