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

  it('writes timer names as short codes, and still reads ids armed with names written out', () => {
    for (const name of ['debounce', 'settle', 'wait', 'thinking', 'proactive', 'wakeup', 'purge', 'reminder:12']) {
      const id = timerJobId('onebot:private:1000000007', name, 3);
      expect(parseTimerJobId(id)).toEqual({ sessionId: 'onebot:private:1000000007', name, gen: 3 });
      expect(id.length).toBeLessThanOrEqual('t_onebot%3Aprivate%3A1000000007_r12_3'.length);
    }
    expect(timerJobId('http:private:a', 'proactive', 2)).toBe('t_http%3Aprivate%3Aa_p_2');
    expect(parseTimerJobId('t_http%3Aprivate%3Aa_proactive_2')).toEqual({ sessionId: 'http:private:a', name: 'proactive', gen: 2 });
    expect(parseTimerJobId('t_http%3Aprivate%3Aa_reminder%3A4_9')).toEqual({ sessionId: 'http:private:a', name: 'reminder:4', gen: 9 });
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
