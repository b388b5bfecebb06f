import QRCode from 'qrcode';
import { BoundedCache } from './result-cache';

// Drawing a QR code is a search over masks and segmentations (several ms): the same link is
// drawn once and its picture kept, bounded.
const drawn = new BoundedCache<string>(2000);

/** The QR code of a link, as a data: URL of an SVG image. */
export async function qrDataUrl(link: string): Promise<string> {
  let src = drawn.get(link);
  if (!src) {
    const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    drawn.set(link, src);
  }
  return src;
}
