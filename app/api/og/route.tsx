import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { asLocale, type Locale } from '@/i18n/locale';
import type { Registry } from '@/lib/registry/registry';
import { checkText } from '@/lib/input';
import { cachedImage, IMAGE_CACHE_CONTROL, imageKey, imageTag, matchesTag } from '@/lib/web/image-cache';
import { cachedCheck } from '@/lib/web/result-cache';
import { registry } from '@/lib/web/service';
import { previewOf } from '@/lib/web/preview';
import { readSharedClaim } from '@/lib/web/share';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { VERDICT_STYLE } from '../../_components/verdict-style';
import { guarded } from '@/lib/web/guard-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// A subset of Noto Sans CJK SC holding only what an image can show (scripts/og-font.mjs).
const FONT = fs.readFileSync(path.join(process.cwd(), 'app/api/og/og-font.otf'));
// The characters the subset holds: a line with any other is left out, never drawn as boxes.
const GLYPHS = new Set(fs.readFileSync(path.join(process.cwd(), 'app/api/og/og-font-chars.txt'), 'utf8'));
const drawable = (s: string | null) => (s && [...s].every((c) => GLYPHS.has(c)) ? s : null);
const COLOURS: Record<string, [string, string]> = {
  'v-good': ['#146c2e', '#e6f4ea'],
  'v-bad': ['#b3261e', '#fce8e6'],
  'v-warn': ['#b06f00', '#fff4d6'],
  'v-unknown': ['#3c4a5c', '#e8edf3'],
};

/** The verdict's sign: ✓ and ✕ drawn as lines (the CJK font has no such glyphs), ! and ? as text. */
function Sign({ icon }: { icon: string }) {
  const line = { stroke: '#fff', strokeWidth: 12, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, fill: 'none' };
  if (icon === '✓')
    return (
      <svg width="72" height="72" viewBox="0 0 72 72">
        <polyline points="12,38 29,55 60,18" {...line} />
      </svg>
    );
  if (icon === '✕')
    return (
      <svg width="64" height="64" viewBox="0 0 64 64">
        <line x1="12" y1="12" x2="52" y2="52" {...line} />
        <line x1="52" y1="12" x2="12" y2="52" {...line} />
      </svg>
    );
  return <span>{icon}</span>;
}

/**
 * GET /api/og?t=…&l=zh (or a=…&b=…, as the result link): the preview image of a result, enough on its
 * own: the verdict, the address as checked (its parts, short), the bank's official number and the
 * registry's date. The rest of the text a person sent (names, phone numbers, amounts) is never drawn.
 */
async function get(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const locale = asLocale(url.searchParams.get('l'));
  const text = readSharedClaim(url.searchParams)?.text ?? null;
  const checked = text ? checkText(text) : null;
  const reg = await registry();
  const key = imageKey(reg.info.version, locale, checked?.ok ? checked.text : null);
  const tag = imageTag(key);
  const headers = { 'cache-control': IMAGE_CACHE_CONTROL, etag: tag };
  if (matchesTag(request.headers.get('if-none-match'), tag)) return new Response(null, { status: 304, headers });
  const png = await cachedImage(key, async () => new Uint8Array(await draw(locale, checked?.ok ? checked.text : null, reg).arrayBuffer()));
  return new Response(png as BodyInit, { headers: { ...headers, 'content-type': 'image/png' } });
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

function draw(locale: Locale, text: string | null, reg: Registry): ImageResponse {
  const m = locale === 'en' ? en : zh;
  let title: string = m.site.tagline;
  let style = VERDICT_STYLE.insufficient;
  let address: string | null = null;
  let call: string | null = null;
  if (text !== null) {
    const r = cachedCheck(text, reg);
    title = m.verdict[r.verdict].title;
    style = VERDICT_STYLE[r.verdict];
    const p = previewOf(r, locale);
    address = drawable(p.address && fill(m.og.address, { address: p.address }));
    call = drawable(p.call && fill(m.og.call, { bank: p.call.bank, number: p.call.number }));
  }
  const asOf = drawable(fill(m.og.asOf, { asOf: reg.info.asOf }));
  const [ink, paper] = COLOURS[style.cls];
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: paper, padding: '44px 56px', fontFamily: 'NotoSansSC' }}>
        <div style={{ display: 'flex', flexShrink: 0, fontSize: 32, color: '#333' }}>
          {m.site.name} · {m.site.tagline}
        </div>
        <div style={{ display: 'flex', flexShrink: 0, alignItems: 'center', marginTop: 32 }}>
          <div style={{ width: 120, height: 120, borderRadius: 60, background: ink, color: '#fff', fontSize: 84, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <Sign icon={style.icon} />
          </div>
          <div style={{ display: 'flex', marginLeft: 40, fontSize: 58, color: ink, maxWidth: 920, lineHeight: 1.2 }}>{title}</div>
        </div>
        {address && <div style={{ display: 'flex', flexShrink: 0, marginTop: 30, fontSize: 36, lineHeight: 1.3, color: '#222' }}>{address}</div>}
        {call && (
          <div style={{ display: 'flex', flexShrink: 0, marginTop: 24, alignSelf: 'flex-start', fontSize: 44, color: '#fff', background: '#146c2e', borderRadius: 18, padding: '8px 26px' }}>{call}</div>
        )}
        <div style={{ display: 'flex', flexShrink: 0, marginTop: 'auto', fontSize: 28, color: '#555' }}>{asOf}</div>
      </div>
    ),
    { width: 1200, height: 630, fonts: [{ name: 'NotoSansSC', data: FONT, weight: 700, style: 'normal' }]},
  );
}

export const GET = guarded('og', get);
