/**
 * The address policy refuses every spelling of an internal address and lets public ones through; the
 * sniffer and the data: URL decoder refuse what is not an image.
 */
import { describe, expect, it } from 'vitest';
import { isForbiddenAddress, parseIpv6 } from '../../src/images/address-policy.js';
import { decodeDataUrl } from '../../src/images/data-url.js';
import { ImageFetchError } from '../../src/images/image-errors.js';
import { sniffImageType, sniffRasterType } from '../../src/images/image-type.js';

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback range'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12 end'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT end'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast SSDP'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with a zone'],
    ['fd12:3456::1', 'IPv6 unique local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local in hex'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of link-local'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['not-an-address', 'garbage'],
  ])('refuses %s (%s)', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([['93.184.216.34'], ['8.8.8.8'], ['172.32.0.1'], ['100.128.0.1'], ['2606:4700:4700::1111'], ['::ffff:8.8.8.8'], ['64:ff9b::808:808']])(
    'allows the public address %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );

  it('parses IPv6 spellings to the same bytes', () => {
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual(parseIpv6('0:0:0:0:0:ffff:7f00:0001'));
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7')).toBeNull();
  });
});

describe('sniffRasterType', () => {
  it('knows raster formats by their magic bytes', () => {
    expect(sniffRasterType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(sniffRasterType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(sniffRasterType(Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(sniffRasterType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffRasterType(Buffer.from('\0\0\0\x1cftypavif'))).toBe('image/avif');
  });

  it('recognises TIFF and HEIC too, which uploads (for vision models) do not accept', () => {
    expect(sniffRasterType(Buffer.from('49492a00', 'hex'))).toBe('image/tiff');
    expect(sniffRasterType(Buffer.from('\0\0\0\x18ftypheic'))).toBe('image/heic');
    expect(sniffImageType(Buffer.from('49492a00', 'hex'))).toBeNull();
  });

  it('refuses HTML, SVG and empty bodies', () => {
    expect(sniffRasterType(Buffer.from('<!doctype html><p>hi'))).toBeNull();
    expect(sniffRasterType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffRasterType(Buffer.alloc(0))).toBeNull();
  });
});

describe('decodeDataUrl', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  it('decodes base64 and percent-encoded payloads', () => {
    expect(decodeDataUrl(`data:image/png;base64,${png.toString('base64')}`, 1024)).toEqual(png);
    expect(decodeDataUrl('data:image/gif,GIF89a%00%01', 1024)).toEqual(Buffer.from([...Buffer.from('GIF89a'), 0, 1]));
  });

  it('refuses a payload over the limit before decoding it', () => {
    const url = `data:image/png;base64,${'A'.repeat(4 * 1024)}`;
    expect(() => decodeDataUrl(url, 1024)).toThrow(expect.objectContaining({ reason: 'too_large' }));
  });

  it('refuses other media types and malformed URLs', () => {
    expect(() => decodeDataUrl('data:text/html,<script>', 1024)).toThrow(expect.objectContaining({ reason: 'not_image' }));
    expect(() => decodeDataUrl('data:image/png;base64', 1024)).toThrow(ImageFetchError);
  });
});
