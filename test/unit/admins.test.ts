import { describe, expect, it } from 'vitest';
import { isAdmin } from '../../src/config/admins.js';

describe('isAdmin', () => {
  it('matches a platform-qualified entry only on that platform', () => {
    expect(isAdmin(['onebot:42'], 'onebot:group:7', '42')).toBe(true);
    expect(isAdmin(['onebot:42'], 'http:group:7', '42')).toBe(false);
  });

  it('matches a bare user id on any platform, and nobody else', () => {
    expect(isAdmin(['42'], 'http:private:42', '42')).toBe(true);
    expect(isAdmin(['42'], 'onebot:group:7', '43')).toBe(false);
    expect(isAdmin([], 'onebot:group:7', '42')).toBe(false);
  });
});
