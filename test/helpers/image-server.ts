/**
 * A real HTTP server for image-download tests, on loopback (IPv4 and, where the host has it, IPv6): routes
 * answer from handlers; every request is recorded, and whether the client hung up early.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export type ImageRoute = (req: IncomingMessage, res: ServerResponse) => void;

export interface ImageServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  requests: string[];
  route(path: string, handler: ImageRoute): void;
  close(): Promise<void>;
}

/** Starts an image server on `host` (127.0.0.1 unless set, e.g. `::1`). Performs I/O. */
export async function startImageServer(host = '127.0.0.1'): Promise<ImageServer> {
  const routes = new Map<string, ImageRoute>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const handler = routes.get(path);
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } else handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A handler sending `body` with `contentType`. */
export function serve(body: Buffer | string, contentType: string): ImageRoute {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
}

/** A handler redirecting to `location`. */
export function redirect(location: string, status = 302): ImageRoute {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

/**
 * A picture with structure (gradients, a bright disc, bars) so that its difference hash has many set bits;
 * `variant` changes the layout into an unrelated picture.
 */
export async function testPicture(options: { width?: number; height?: number; variant?: number; format?: 'png' | 'jpeg' | 'webp'; quality?: number } = {}): Promise<Buffer> {
  const width = options.width ?? 320;
  const height = options.height ?? 240;
  const variant = options.variant ?? 0;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const u = x / width;
      const v = y / height;
      const wave = Math.sin((u * (3 + variant * 2) + v * (1 + variant)) * Math.PI * 2);
      const disc = (u - 0.3 - variant * 0.1) ** 2 + (v - 0.5) ** 2 < 0.04 ? 120 : 0;
      const bars = Math.floor(u * (5 + variant * 3)) % 2 === 0 ? 40 : 0;
      const level = Math.max(0, Math.min(255, 90 + wave * 60 + disc + bars));
      const offset = (y * width + x) * 3;
      pixels[offset] = level;
      pixels[offset + 1] = Math.max(0, Math.min(255, level * 0.8 + v * 40));
      pixels[offset + 2] = Math.max(0, Math.min(255, 255 - level));
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  const format = options.format ?? 'png';
  if (format === 'jpeg') return image.jpeg({ quality: options.quality ?? 85 }).toBuffer();
  if (format === 'webp') return image.webp({ quality: options.quality ?? 80 }).toBuffer();
  return image.png().toBuffer();
}
