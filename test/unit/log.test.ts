import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

function capture(level: string): { lines: () => Array<Record<string, unknown>>; logger: ReturnType<typeof createLogger> } {
  const chunks: string[] = [];
  const logger = createLogger('kizuna-test', level, { write: (chunk: string) => void chunks.push(chunk) });
  return { logger, lines: () => chunks.map((chunk) => JSON.parse(chunk) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('redacts secrets at every level and message text at info', () => {
    const { logger, lines } = capture('info');
    logger.info({ sessionId: 'http:private:a', text: '我的秘密', llm: { apiKey: 'sk-123', content: 'hi there' }, token: 't0k' }, 'ingested');
    const [line] = lines();
    expect(line).toMatchObject({ sessionId: 'http:private:a', text: '[text: 4 chars]', token: '[secret]', llm: { apiKey: '[secret]', content: '[text: 8 chars]' } });
    expect(JSON.stringify(line)).not.toMatch(/秘密|sk-123|t0k|hi there/u);
  });

  it('shows message text at debug, never secrets', () => {
    const { logger, lines } = capture('debug');
    logger.debug({ text: 'hello', authorization: 'Bearer x' }, 'ingested');
    expect(lines()[0]).toMatchObject({ text: 'hello', authorization: '[secret]' });
  });
});
