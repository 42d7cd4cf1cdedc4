/**
 * Access to the API with a token: the bearer header, or the console's cookie — for a POST only from the
 * console's own origin; without one, only what no other web page could send; and the refusal to listen beyond
 * loopback without a token.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { accessRefusal, assertSafeBind, isAuthorized, isLoopbackHost, tokenCookie } from '../../src/http/access.js';

function request(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers: { host: '127.0.0.1:8720', ...headers } } as unknown as IncomingMessage;
}

describe('isAuthorized', () => {
  const token = 's3cret=/;x';
  const cookie = tokenCookie(token).split(';')[0]!;

  it('lets everything through when no token is configured', () => {
    expect(isAuthorized(request('POST', {}), undefined)).toBe(true);
    expect(isAuthorized(request('POST', {}), '')).toBe(true);
  });

  it('without a token, refuses what a web page could send: another host name (DNS rebinding), a POST from another origin', () => {
    expect(isAuthorized(request('GET', { host: 'rebound.example:8720' }), undefined)).toBe(false);
    expect(isAuthorized(request('GET', { host: 'not a host' }), undefined)).toBe(false);
    for (const host of ['localhost:8720', '[::1]:8720', '127.0.0.2', 'LOCALHOST']) expect(isAuthorized(request('GET', { host }), undefined), host).toBe(true);
    expect(isAuthorized(request('POST', { origin: 'https://evil.example' }), undefined)).toBe(false);
    expect(isAuthorized(request('POST', { origin: 'null' }), undefined)).toBe(false);
    expect(isAuthorized(request('POST', { origin: 'http://127.0.0.1:8720' }), undefined)).toBe(true);
    expect(isAuthorized(request('GET', { origin: 'https://evil.example' }), undefined)).toBe(true);
    expect(accessRefusal(request('POST', { origin: 'https://evil.example' }), undefined)).toMatchObject({ code: 'forbidden' });
    expect(accessRefusal(request('GET', {}), 't')).toMatchObject({ code: 'unauthorized' });
  });

  it('accepts the bearer token and refuses a missing or wrong one', () => {
    expect(isAuthorized(request('POST', { authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(isAuthorized(request('GET', {}), token)).toBe(false);
    expect(isAuthorized(request('GET', { authorization: 'Bearer nope' }), token)).toBe(false);
    expect(isAuthorized(request('GET', { authorization: token }), token)).toBe(false);
  });

  it('accepts the cookie for reads, and for a POST only from the same origin', () => {
    expect(cookie).toBe(`kizuna_token=${encodeURIComponent(token)}`);
    expect(isAuthorized(request('GET', { cookie: `other=1; ${cookie}` }), token)).toBe(true);
    expect(isAuthorized(request('POST', { cookie }), token)).toBe(false);
    expect(isAuthorized(request('POST', { cookie, origin: 'http://evil.example' }), token)).toBe(false);
    expect(isAuthorized(request('POST', { cookie, origin: 'http://127.0.0.1:9999' }), token)).toBe(false);
    expect(isAuthorized(request('POST', { cookie, origin: 'http://127.0.0.1:8720' }), token)).toBe(true);
    expect(isAuthorized(request('GET', { cookie: 'kizuna_token=wrong' }), token)).toBe(false);
    expect(isAuthorized(request('GET', { cookie: 'kizuna_token=%E0%A4%A' }), token)).toBe(false);
  });

  it('says the cookie is HttpOnly and SameSite=Strict', () => {
    expect(tokenCookie('t')).toBe('kizuna_token=t; HttpOnly; SameSite=Strict; Path=/');
  });
});

describe('binding', () => {
  it('knows the loopback interfaces', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '', '192.168.1.2', 'example.com', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses a non-loopback interface without a token, and allows it with one', () => {
    expect(() => assertSafeBind({ host: '0.0.0.0' })).toThrow(/http\.host is "0\.0\.0\.0".*Set KIZUNA_API_TOKEN/);
    expect(() => assertSafeBind({ host: '0.0.0.0', token: '' })).toThrow(/no API token/);
    expect(() => assertSafeBind({ host: '0.0.0.0', token: 't' })).not.toThrow();
    expect(() => assertSafeBind({ host: '127.0.0.1' })).not.toThrow();
  });
});
