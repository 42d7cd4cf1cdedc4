import { describe, expect, it } from 'vitest';
import { escapeJobIdPart, llmJobId, parseTimerJobId, timerJobId } from '../../src/runtime/queues.js';
import { timerOfJob } from '../../src/runtime/timer-scheduler.js';

describe('job ids', () => {
  it('never contain ":" and read back exactly, whatever the session id holds', () => {
    for (const sessionId of ['http:private:alice', 'onebot:group:123_456', 'x:private:100%_sure:yes']) {
      const id = timerJobId(sessionId, 'wait', 42);
      expect(id).not.toContain(':');
      expect(parseTimerJobId(id)).toEqual({ sessionId, name: 'wait', gen: 42 });
      expect(llmJobId(sessionId, 'r7')).not.toContain(':');
    }
    expect(escapeJobIdPart('onebot:private:123')).toBe('onebot%3Aprivate%3A123');
  });

  it('rejects ids that are not timer ids', () => {
    expect(parseTimerJobId('l_http%3Aprivate%3Aa_r1')).toBeNull();
    expect(parseTimerJobId('t_a_b_notanumber')).toBeNull();
  });

  it('recovers a timer (and its due time) from the job alone', () => {
    const job = { id: timerJobId('http:private:a', 'proactive', 3), timestamp: 1000, opts: { delay: 500 } };
    expect(timerOfJob(job)).toEqual({ sessionId: 'http:private:a', name: 'proactive', gen: 3, dueAt: 1500 });
  });
});
