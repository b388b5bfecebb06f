/**
 * Share links carry the text itself, so that no server keeps anything: /r?t=<base64url of the
 * UTF-8 text>&v=<registry content hash when the link was made>. Opening the link checks the
 * text again against the registry of that moment. Written for the browser and Node alike.
 */

export function encodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text a link carries, or null when the parameter is not one of ours. */
export function decodeText(t: string | null | undefined): string | null {
  if (!t || t.length > 8000 || !/^[A-Za-z0-9_-]+$/.test(t)) return null;
  try {
    const bin = atob(t.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The part of a registry version that changes with its content: 2019-07-23.db7793a7adb7 → db7793a7adb7. */
export function versionTag(version: string): string {
  const dot = version.lastIndexOf('.');
  return dot >= 0 ? version.slice(dot + 1) : version;
}

export function resultPath(text: string, version?: string): string {
  const params = new URLSearchParams({ t: encodeText(text) });
  if (version) params.set('v', versionTag(version));
  return `/r?${params.toString()}`;
}

export function shareUrl(base: string, text: string, version: string): string {
  return `${base.replace(/\/+$/, '')}${resultPath(text, version)}`;
}
