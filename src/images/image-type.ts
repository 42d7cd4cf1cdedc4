/**
 * The image formats kizuna accepts from uploads (the ones vision models read: PNG, JPEG, GIF, WebP), told
 * apart by their magic bytes rather than by what the sender claims.
 */

export const uploadImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type UploadImageType = (typeof uploadImageTypes)[number];

/** The format the bytes start with, or null when they are none of the accepted ones; pure. */
export function sniffImageType(bytes: Uint8Array): UploadImageType | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  return null;
}

/** A Content-Type header reduced to an accepted image type (`image/jpg` read as JPEG), or null; pure. */
export function declaredImageType(header: string | undefined): UploadImageType | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  const normalized = type === 'image/jpg' ? 'image/jpeg' : type;
  return (uploadImageTypes as readonly string[]).includes(normalized) ? (normalized as UploadImageType) : null;
}
