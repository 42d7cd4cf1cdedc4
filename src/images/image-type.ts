/**
 * The image formats kizuna accepts from uploads (the ones vision models read: PNG, JPEG, GIF, WebP), told
 * apart by their magic bytes rather than by what the sender claims.
 */

export const uploadImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type UploadImageType = (typeof uploadImageTypes)[number];

/** Raster formats recognised by their magic bytes (the ones sharp decodes); SVG never is. */
export type RasterImageType = UploadImageType | 'image/avif' | 'image/heic' | 'image/tiff';

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean =>
  bytes.length >= offset + text.length && [...text].every((character, index) => bytes[offset + index] === character.charCodeAt(0));

/** The raster format the bytes start with, or null; pure. */
export function sniffRasterType(bytes: Uint8Array): RasterImageType | null {
  const starts = (...signature: number[]) => bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff';
  if (ascii(bytes, 4, 'ftyp')) {
    if (ascii(bytes, 8, 'avif') || ascii(bytes, 8, 'avis')) return 'image/avif';
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].some((brand) => ascii(bytes, 8, brand))) return 'image/heic';
  }
  return null;
}

/** The format the bytes start with, or null when they are none of the accepted ones; pure. */
export function sniffImageType(bytes: Uint8Array): UploadImageType | null {
  const type = sniffRasterType(bytes);
  return type !== null && (uploadImageTypes as readonly string[]).includes(type) ? (type as UploadImageType) : null;
}

/** A Content-Type header reduced to an accepted image type (`image/jpg` read as JPEG), or null; pure. */
export function declaredImageType(header: string | undefined): UploadImageType | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  const normalized = type === 'image/jpg' ? 'image/jpeg' : type;
  return (uploadImageTypes as readonly string[]).includes(normalized) ? (normalized as UploadImageType) : null;
}
