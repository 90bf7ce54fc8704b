/** What GET /__sandbox/requests shows: one entry per /2/ call. */
export interface LoggedRequest {
  time: string;
  route: string;
  status: number;
  /** The admin whose token made the call. */
  adminId?: string;
  /** Dropbox-API-Select-User, when the call acted as a member. */
  selectUser?: string;
  /** The 409 tag or 401 tag, when there was one. */
  errorTag?: string;
  requestId: string;
}

const KEEP = 20_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(e: LoggedRequest): void {
    this.entries.push(e);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
  }

  list(): LoggedRequest[] {
    return this.entries.slice();
  }

  clear(): void {
    this.entries = [];
  }
}
