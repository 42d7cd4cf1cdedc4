/**
 * The safe image fetcher against a real local HTTP server: what it accepts, and every way a posted URL can
 * try to hurt — internal addresses (directly, through IPv6 spellings, redirects and DNS), slow servers,
 * huge bodies, things that are not images.
 */
import type { LookupAddress } from 'node:dns';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageFetchError } from '../../src/images/image-errors.js';
import { type SafeFetchOptions, fetchImage } from '../../src/images/safe-fetch.js';
import { type ImageServer, redirect, serve, startImageServer, testPicture } from '../helpers/image-server.js';

const limits = { maxBytes: 256 * 1024, timeoutMs: 2_000, maxRedirects: 3 };
const allowAll: SafeFetchOptions = { ...limits, allowPrivateHosts: true };
const strict: SafeFetchOptions = { ...limits, allowPrivateHosts: false };
/** Only the test server's loopback address is reachable, as an operator's internal image proxy would be. */
const onlyTestServer: SafeFetchOptions = { ...strict, allowedHosts: ['127.0.0.1'] };

async function refusal(promise: Promise<unknown>): Promise<ImageFetchError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImageFetchError);
  return error as ImageFetchError;
}

let server: ImageServer;
let ipv6Server: ImageServer;
let png: Buffer;

beforeAll(async () => {
  server = await startImageServer();
  ipv6Server = await startImageServer('::1');
  png = await testPicture();
  server.route('/cat.png', serve(png, 'image/png'));
  server.route('/cat-octet', serve(png, 'application/octet-stream'));
  server.route('/page.html', serve('<!doctype html><h1>not an image</h1>', 'text/html; charset=utf-8'));
  server.route('/fake.png', serve('<!doctype html><h1>not an image</h1>', 'image/png'));
  server.route('/huge-declared.png', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(limits.maxBytes + 1) });
    res.end();
  });
  server.route('/huge-streamed.png', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = Buffer.concat([png.subarray(0, 8), Buffer.alloc(64 * 1024 - 8)]);
    let sent = 0;
    const pump = () => {
      while (sent < 100 && !res.destroyed && res.write(chunk)) sent += 1;
      if (sent < 100 && !res.destroyed) res.once('drain', pump);
      else res.end();
    };
    pump();
  });
  server.route('/slow.png', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(png.subarray(0, 16));
  });
  server.route('/moved', redirect('/cat.png', 301));
  server.route('/loop', redirect('/loop'));
  server.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
  server.route('/to-ipv6-loopback', redirect(`http://[::1]:${ipv6Server.port}/cat.png`));
  server.route('/to-file', redirect('file:///etc/passwd'));
  server.route('/missing', (_req, res) => {
    res.writeHead(503);
    res.end();
  });
  ipv6Server.route('/cat.png', serve(png, 'image/png'));
});

afterAll(async () => {
  await server.close();
  await ipv6Server.close();
});

describe('fetchImage', () => {
  it('returns the bytes, the sniffed type and the sha256 of an image', async () => {
    const image = await fetchImage(`${server.origin}/cat.png`, allowAll);
    expect(image.bytes.equals(png)).toBe(true);
    expect(image.contentType).toBe('image/png');
    expect(image.sha256).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('lets the magic bytes decide when the server does not declare an image type', async () => {
    expect((await fetchImage(`${server.origin}/cat-octet`, allowAll)).contentType).toBe('image/png');
  });

  it('refuses a loopback host unless private hosts are allowed, without sending a request', async () => {
    const before = server.requests.length;
    const error = await refusal(fetchImage(`${server.origin}/cat.png`, strict));
    expect(error.reason).toBe('forbidden_address');
    expect(error.code).toBe('image_fetch_failed');
    expect(error.retryable).toBe(false);
    expect(server.requests.length).toBe(before);
  });

  it('refuses IPv6 loopback and IPv4-mapped spellings of loopback', async () => {
    expect((await refusal(fetchImage(`${ipv6Server.origin}/cat.png`, strict))).reason).toBe('forbidden_address');
    expect((await refusal(fetchImage(`http://[::ffff:127.0.0.1]:${server.port}/cat.png`, strict))).reason).toBe('forbidden_address');
    expect((await refusal(fetchImage(`http://0x7f.1:${server.port}/cat.png`, strict))).reason).toBe('forbidden_address');
    expect(ipv6Server.requests).toEqual([]);
    // The same IPv6 server is reachable once private hosts are allowed: the refusal above was the policy.
    expect((await fetchImage(`${ipv6Server.origin}/cat.png`, allowAll)).bytes.equals(png)).toBe(true);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const resolver = async (): Promise<LookupAddress[]> => [{ address: '10.0.0.5', family: 4 }];
    expect((await refusal(fetchImage('http://images.example/cat.png', { ...strict, resolver }))).reason).toBe('forbidden_address');
    const mixed = async (): Promise<LookupAddress[]> => [
      { address: '93.184.216.34', family: 4 },
      { address: '::1', family: 6 },
    ];
    expect((await refusal(fetchImage('http://images.example/cat.png', { ...strict, resolver: mixed }))).reason).toBe('forbidden_address');
  });

  it('connects to the address it checked, not to a second DNS answer (rebinding)', async () => {
    const answers = ['127.0.0.1', '169.254.169.254'];
    const calls: string[] = [];
    const resolver = async (hostname: string): Promise<LookupAddress[]> => {
      calls.push(hostname);
      return [{ address: answers[Math.min(calls.length - 1, 1)]!, family: 4 }];
    };
    const image = await fetchImage(`http://rebind.example:${server.port}/cat.png`, { ...onlyTestServer, resolver });
    expect(image.bytes.equals(png)).toBe(true);
    expect(calls).toEqual(['rebind.example']);
  });

  it('follows redirects and reports the final URL', async () => {
    const image = await fetchImage(`${server.origin}/moved`, onlyTestServer);
    expect(image.url).toBe(`${server.origin}/cat.png`);
    expect(image.bytes.equals(png)).toBe(true);
  });

  it('refuses a redirect to a private host, checking each hop like the first', async () => {
    const ipv6Before = ipv6Server.requests.length;
    expect((await refusal(fetchImage(`${server.origin}/to-metadata`, onlyTestServer))).reason).toBe('forbidden_address');
    expect((await refusal(fetchImage(`${server.origin}/to-ipv6-loopback`, onlyTestServer))).reason).toBe('forbidden_address');
    expect(ipv6Server.requests.length).toBe(ipv6Before);
    expect(server.requests.slice(-2)).toEqual(['/to-metadata', '/to-ipv6-loopback']);
  });

  it('refuses redirects to other schemes and endless redirects', async () => {
    expect((await refusal(fetchImage(`${server.origin}/to-file`, allowAll))).reason).toBe('invalid_url');
    expect((await refusal(fetchImage(`${server.origin}/loop`, allowAll))).reason).toBe('too_many_redirects');
  });

  it('gives up on a server that stalls, within the deadline, as a retryable timeout', async () => {
    const error = await refusal(fetchImage(`${server.origin}/slow.png`, { ...allowAll, timeoutMs: 300 }));
    expect(error.reason).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('bounds a host name lookup that never answers by the same deadline', async () => {
    const asked: string[] = [];
    const silent = (hostname: string): Promise<LookupAddress[]> => {
      asked.push(hostname);
      return new Promise(() => undefined);
    };
    const error = await refusal(fetchImage('http://slow-dns.example/cat.png', { ...strict, timeoutMs: 300, resolver: silent }));
    expect(error.reason).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(asked).toEqual(['slow-dns.example']);
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    expect((await refusal(fetchImage(`${server.origin}/huge-declared.png`, allowAll))).reason).toBe('too_large');
    expect((await refusal(fetchImage(`${server.origin}/huge-streamed.png`, allowAll))).reason).toBe('too_large');
  });

  it('refuses what is not an image, whatever the server declares', async () => {
    expect((await refusal(fetchImage(`${server.origin}/page.html`, allowAll))).reason).toBe('not_image');
    expect((await refusal(fetchImage(`${server.origin}/fake.png`, allowAll))).reason).toBe('not_image');
  });

  it('reports HTTP errors with their status; 5xx is retryable', async () => {
    const error = await refusal(fetchImage(`${server.origin}/missing`, allowAll));
    expect(error).toMatchObject({ reason: 'http_status', status: 503, retryable: true });
    expect(await refusal(fetchImage(`${server.origin}/nothing-here`, allowAll))).toMatchObject({ status: 404, retryable: false });
  });

  it('accepts data: URLs within the limit and refuses other schemes', async () => {
    const image = await fetchImage(`data:image/png;base64,${png.toString('base64')}`, strict);
    expect(image.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect((await refusal(fetchImage('file:///etc/passwd', allowAll))).reason).toBe('invalid_url');
    expect((await refusal(fetchImage('gopher://example.com/', allowAll))).reason).toBe('invalid_url');
    expect((await refusal(fetchImage('not a url', allowAll))).reason).toBe('invalid_url');
  });
});
