import QRCode from 'qrcode';
import { BoundedCache } from './result-cache';

/**
 * A QR code of a link as an SVG data URL, or null when the link is too long for one that a
 * phone can still read off a screen: the page then says so instead of breaking. Drawing one is
 * a search over masks and segmentations (several ms): the same link is drawn once and kept.
 * The quiet zone is the 4 modules the standard asks for: a phone reading a screen needs it.
 */
export const QR_MAX_LENGTH = 1200;
export const QR_QUIET_ZONE = 4;
const drawn = new BoundedCache<string>(2000);

export async function qrDataUrl(link: string): Promise<string | null> {
  if (link.length > QR_MAX_LENGTH) return null;
  const kept = drawn.get(link);
  if (kept) return kept;
  try {
    const svg = await QRCode.toString(link, { type: 'svg', margin: QR_QUIET_ZONE, errorCorrectionLevel: 'M' });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    drawn.set(link, src);
    return src;
  } catch {
    return null;
  }
}
