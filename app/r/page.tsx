import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locale';
import { findBank } from '@/lib/banks';
import type { CheckResult } from '@/lib/check';
import { floorWords } from '@/lib/check/reasons';
import { checkOne } from '@/lib/service/check-one';
import { logEvent, textHash } from '@/lib/web/log';
import { baseUrl, registry } from '@/lib/web/service';
import { readSharedClaim, versionTag } from '@/lib/web/share';
import { qrDataUrl } from '@/lib/web/qr';
import { shareLinks, signalsFor } from '@/lib/web/share-link';
import CheckForm from '../_components/CheckForm';
import { VERDICT_STYLE } from '../_components/verdict-style';
import { Hotline, MapSection, NextSteps, OutletLists, PartsTable, Received, ShareSection } from './sections';

export const dynamic = 'force-dynamic';

type Search = Promise<{ t?: string | string[]; q?: string | string[]; a?: string | string[]; b?: string | string[]; s?: string | string[]; v?: string | string[] }>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The text a result link carries: t (the whole text), q (a plain form GET), or a and b (the address and bank of a compact link). */
function textOf(sp: Awaited<Search>): string | null {
  return readSharedClaim(sp)?.text ?? null;
}

/** One check per request, shared by the metadata and the page. */
const checkOnce = cache(async (text: string) => checkOne(text, { registry: await registry() }));

async function origin(): Promise<string> {
  const h = await headers();
  return baseUrl(undefined, h.get('x-forwarded-host') ?? h.get('host'), h.get('x-forwarded-proto'));
}

/** Words for the verdict's sentence, in the reader's language. */
function verdictVars(r: CheckResult, locale: Locale, t: (k: string) => string) {
  const bankName = (name: string | null | undefined) => (name ? (locale === 'en' ? findBank(name)?.en ?? name : name) : t('anyBank'));
  const top = r.matches[0];
  const floorOf = (floors: number[], labels: string[] = []) => {
    const w = floorWords({ floors, labels });
    return locale === 'en' ? w.en : w.zh;
  };
  const claimedFloors = r.parsed.floors.length ? r.parsed.floors : r.parsed.inferredFloor !== null ? [r.parsed.inferredFloor] : [];
  return {
    bank: bankName(r.verdict === 'registered_branch' ? top?.bank : r.bank?.name),
    other: bankName(top?.bank),
    registered: top ? floorOf(top.floors) : '',
    // 楼上 and its relatives state an upper floor with no number (lib/parse/upstairs.ts).
    claimed: claimedFloors.length ? floorOf(claimedFloors) : r.parts.some((p) => p.part === 'floors' && p.claimed === '楼上') ? (locale === 'en' ? 'an upper floor' : '楼上') : r.parsed.buildingNo ?? r.parsed.room ?? '',
  };
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const sp = await searchParams;
  const text = textOf(sp);
  const tv = await getTranslations('verdict');
  const ts = await getTranslations('site');
  const locale = (await getLocale()) as Locale;
  const base = await origin();
  const checked = text === null ? null : await checkOnce(text);
  if (!checked?.ok) return { title: ts('name') };
  const r = checked.result;
  // Titles and descriptions say the verdict only: never the text itself.
  const title = `${tv(`${r.verdict}.title`)} · ${ts('name')}`;
  const description = ts('tagline');
  // The preview carries what the page's own link carries, never more.
  const query = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === 'string' && k !== 'l' ? [[k, v] as [string, string]] : [])));
  const image = `${base}/api/og?${query.toString()}&l=${locale}`;
  return { title, description, openGraph: { title, description, images: [{ url: image, width: 1200, height: 630 }], type: 'website' }, twitter: { card: 'summary_large_image', title, description, images: [image] } };
}

export default async function ResultPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('result');
  const tv = await getTranslations('verdict');
  const th = await getTranslations('home');
  const text = textOf(sp);
  const form = <CheckForm label={th('label')} placeholder={th('placeholder')} submit={th('submit')} errorEmpty={th('errorEmpty')} errorLong={th('errorLong')} initial={text ?? ''} />;
  const checked = text !== null ? await checkOnce(text) : null;
  if (!checked || !checked.ok) {
    return (
      <main>
        <h1>{t('heading')}</h1>
        <p className="form-error" role="alert">
          {checked && !checked.ok ? checked.error.message : t('notFound')}
        </p>
        {form}
      </main>
    );
  }

  const r = checked.result;
  logEvent('check', { verdict: r.verdict, text: textHash(checked.text), via: 'page' });
  const style = VERDICT_STYLE[r.verdict];
  const vars = verdictVars(r, locale, (k) => tv(k));
  const claim = readSharedClaim(sp)!;
  const signals = signalsFor(r, claim);
  // (With the signals the link carried: passed on again, they stay with it.)
  const links = shareLinks(await origin(), { ...r, signals }, await registry());
  const link = links.url;
  // The whole text is offered only where it is known (not on a page opened from a compact link).
  const wholeLink = claim.whole && links.carries === 'claim' ? links.wholeUrl : null;
  const qrSrc = await qrDataUrl(link);
  const madeWith = one(sp.v);
  const changed = !!madeWith && madeWith !== versionTag(r.registry.version);
  const en = locale === 'en';
  const bankLabel = r.bank ? (en ? r.bank.en ?? r.bank.name : r.bank.name) : tv('theBank');

  const sourcesUsed = [...new Map([...r.matches, ...r.nearest].map((m) => [`${m.source.file}`, m.source])).values()];

  return (
    <main>
      <section className={`verdict ${style.cls}`} data-verdict={r.verdict} aria-live="polite">
        <p className="title">
          <span className="icon" aria-hidden="true">
            {style.icon}
          </span>
          <span className="words">{tv(`${r.verdict}.title`)}</span>
        </p>
        <p className="line">{tv(`${r.verdict}.line`, vars)}</p>
      </section>

      {changed && <p className="notice">{t('registryChanged')}</p>}
      {!claim.whole && <p className="small" data-testid="claim-only">{t('claimOnly')}</p>}

      <Hotline r={r} bankLabel={bankLabel} />

      <Received r={r} />

      <h2>{t('whyHeading')}</h2>
      <ul className="reasons">
        {/* The demo banner at the top already says the registry is a demo. */}
        {r.reasons.filter((x) => x.code !== 'demo_registry').map((x) => (
          <li key={x.code + x.message}>{en ? x.messageEn : x.message}</li>
        ))}
      </ul>

      <PartsTable r={r} />
      <OutletLists r={r} bankLabel={bankLabel} />
      <MapSection r={r} bankLabel={bankLabel} />
      <NextSteps r={{ ...r, signals }} />
      <ShareSection link={link} carries={links.carries} wholeLink={wholeLink} qrSrc={qrSrc} title={tv(`${r.verdict}.title`)} />

      <h2>{t('registryHeading')}</h2>
      <p className="small">
        {t('registryLine', { version: r.registry.version, asOf: r.registry.asOf })}
        {sourcesUsed.length > 0 && ` ${sourcesUsed.map((s) => `${s.file} (${s.asOf})`).join(', ')}`}
      </p>

      <h2>{t('again')}</h2>
      {form}
    </main>
  );
}
