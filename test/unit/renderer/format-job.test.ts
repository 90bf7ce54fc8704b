import { describe, expect, it } from 'vitest';
import type { JobProgress, JobSummary } from '../../../preload/contract.js';
import { itemSubject, jobControls, outcomeWords, progressWords, rateWords, timeLeftWords, unfinishedJobs, waitingWords } from '../../../renderer/src/features/jobs/format-job.js';

const progress = (p: Partial<JobProgress> = {}): JobProgress => ({
  total: 300,
  done: 120,
  failed: 0,
  skipped: 0,
  unconfirmed: 0,
  pending: 180,
  ratePerSecond: 0,
  secondsLeft: null,
  waitingUntil: null,
  ...p,
});

const job = (state: JobSummary['state'], resumable: boolean): JobSummary => ({
  jobId: `job-20260101T000000-0000000${state.length % 10}`,
  kind: 'member.suspend',
  label: 'Suspend',
  state,
  resumable,
  createdAt: '2026-01-01T00:00:00Z',
  irreversible: false,
  progress: progress(),
});

describe('job progress in words', () => {
  it('says done of total, then only the counts that are not zero', () => {
    expect(progressWords(progress())).toBe('120 of 300 done · 180 not run yet');
    expect(progressWords(progress({ done: 290, failed: 2, skipped: 1, unconfirmed: 3, pending: 4 }))).toBe('290 of 300 done · 2 failed · 1 skipped · 3 unconfirmed · 4 not run yet');
    expect(progressWords(progress({ total: 1200, done: 1200, pending: 0 }))).toBe('1,200 of 1,200 done');
  });

  it('gives the rate with one decimal below ten a second, and none without a rate', () => {
    expect(rateWords(0)).toBe('');
    expect(rateWords(1)).toBe('1 item a second');
    expect(rateWords(4.25)).toBe('4.3 items a second');
    expect(rateWords(37.6)).toBe('38 items a second');
  });

  it('rounds the time left to what a person can use', () => {
    expect(timeLeftWords(null)).toBe('');
    expect(timeLeftWords(Infinity)).toBe('');
    expect(timeLeftWords(0.3)).toBe('less than a second left');
    expect(timeLeftWords(1)).toBe('about 1 second left');
    expect(timeLeftWords(41.2)).toBe('about 42 seconds left');
    expect(timeLeftWords(95)).toBe('about 2 minutes left');
    expect(timeLeftWords(3 * 3600 + 20 * 60)).toBe('about 3 h 20 min left');
  });

  it('says until when Dropbox asked to wait, only while that is ahead', () => {
    const at = (ms: number) => `T${ms}`;
    expect(waitingWords(null, 1000, at)).toBe('');
    expect(waitingWords(900, 1000, at)).toBe('');
    expect(waitingWords(5000, 1000, at)).toBe('waiting for Dropbox until T5000');
  });
});

describe('item outcomes in words', () => {
  it('names each outcome, with the reason, the Dropbox tag and what resume does for one in doubt', () => {
    expect(outcomeWords({ outcome: 'done' })).toBe('Done');
    expect(outcomeWords({ outcome: 'done', detail: 'Confirmed after an interruption.' })).toBe('Done: Confirmed after an interruption.');
    expect(outcomeWords({ outcome: 'skipped', reason: 'Already suspended.' })).toBe('Skipped: Already suspended.');
    expect(outcomeWords({ outcome: 'failed', message: 'The member is on legal hold.', tag: 'cannot_keep_account_under_legal_hold' })).toBe(
      'Failed: The member is on legal hold. (Dropbox: cannot_keep_account_under_legal_hold)',
    );
    expect(outcomeWords({ outcome: 'failed', message: 'No answer.' })).toBe('Failed: No answer.');
    expect(outcomeWords({ outcome: 'unconfirmed', message: 'The connection dropped.' })).toMatch(/^Unconfirmed: The connection dropped\. Resume checks it with Dropbox/);
    expect(outcomeWords({ outcome: 'pending' })).toBe('Not run yet');
  });

  it('names the member an item acts on, or the address an invite gives', () => {
    expect(itemSubject({ member: { id: 'dbmid:1', email: 'a@example.com', name: 'A', status: 'active' }, input: { member: 'dbmid:1' } })).toBe('a@example.com');
    expect(itemSubject({ input: { email: 'new@example.com', sendWelcomeEmail: true } })).toBe('new@example.com');
    expect(itemSubject({ input: 42 })).toBe('');
  });
});

describe('what a job offers', () => {
  it('pauses only while running, resumes only when resumable, cancels while it still has work', () => {
    expect(jobControls(job('running', false))).toEqual({ pause: true, resume: false, cancel: true });
    expect(jobControls(job('paused', true))).toEqual({ pause: false, resume: true, cancel: true });
    expect(jobControls(job('interrupted', true))).toEqual({ pause: false, resume: true, cancel: true });
    expect(jobControls(job('finished', false))).toEqual({ pause: false, resume: false, cancel: false });
    expect(jobControls(job('finished', true))).toEqual({ pause: false, resume: true, cancel: false });
    expect(jobControls(job('pausing', false))).toEqual({ pause: false, resume: false, cancel: false });
  });

  it('counts as unfinished the jobs that stopped with work left, not running ones', () => {
    const jobs = [job('running', false), job('paused', true), job('interrupted', true), job('finished', false), job('cancelled', false)];
    expect(unfinishedJobs(jobs).map((j) => j.state)).toEqual(['paused', 'interrupted']);
  });
});
