import QRCode from 'qrcode';

/**
 * A QR code of a link as an SVG data URL, or null when the link is too long for one that a
 * phone can still read off a screen: the page then says so instead of breaking.
 */
export const QR_MAX_LENGTH = 1200;

export async function qrDataUrl(link: string): Promise<string | null> {
  if (link.length > QR_MAX_LENGTH) return null;
  try {
    const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  } catch {
    return null;
  }
}
