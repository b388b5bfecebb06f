import { createHash } from 'node:crypto';
import { setting } from '../settings/env';
import { BoundedCache, workKey } from './result-cache';

/**
 * Preview images (/api/og) are drawn once per text, language and registry version, kept
 * (bounded by bytes), and named by a strong ETag made from that same key: a chat app that
 * fetches the picture again gets 304, and a new registry version gives a new tag.
 */
const images = new BoundedCache<Uint8Array>(setting('IMAGE_CACHE_BYTES'), (b) => b.byteLength);

/** Preview images may be kept 5 minutes, then asked again with the ETag. */
export const IMAGE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/** The strong ETag of an image made from this key (a quoted hash, never the text). */
export function imageTag(key: string): string {
  return `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

export function imageKey(version: string, locale: string, text: string | null): string {
  return workKey(version, text ?? '', 'og', locale);
}

/** Does If-None-Match name this tag (or *)? */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === tag || v === `W/${tag}`;
  });
}

/** The image for this key, drawn by make() the first time only. */
export async function cachedImage(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let bytes = images.get(key);
  if (!bytes) {
    bytes = await make();
    images.set(key, bytes);
  }
  return bytes;
}
