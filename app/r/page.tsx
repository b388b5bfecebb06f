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
import { previewOf } from '@/lib/web/preview';
import { qrDataUrl } from '@/lib/web/qr';
import { shareLinks, signalsFor } from '@/lib/web/share-link';
import CheckForm from '../_components/CheckForm';
import { Hotline, Licensed, MapSection, Nearby, PartsTable, PasteHelp, Reasons, Received, ShareRow, ShareSection, Signals, Verdict } from './sections';

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

/** The verdict's sentence: some read differently when the text named no bank. */
function verdictLineKey(r: CheckResult): string {
  const noBank = !r.bank && (r.verdict === 'not_registered' || r.verdict === 'not_covered');
  return `${r.verdict}.${noBank ? 'lineNoBank' : 'line'}`;
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
  // Titles and descriptions say the verdict, the address as checked, the number and the date: never the rest of the text.
  const title = `${tv(`${r.verdict}.title`)} · ${ts('name')}`;
  const tog = await getTranslations('og');
  const p = previewOf(r, locale);
  const description = p.address
    ? tog('description', { title: tv(`${r.verdict}.title`), address: p.address, call: p.call ? tog('descriptionCall', { bank: p.call.bank, number: p.call.number }) : '', asOf: p.asOf })
    : `${tv(`${r.verdict}.title`)} · ${ts('tagline')}`;
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
  const vars = verdictVars(r, locale, (k) => tv(k));
  const claim = readSharedClaim(sp)!;
  const signals = signalsFor(r, claim);
  const shown = { ...r, signals };
  const madeWith = one(sp.v);
  const changed = !!madeWith && madeWith !== versionTag(r.registry.version);
  const en = locale === 'en';
  const bankLabel = r.bank ? (en ? r.bank.en ?? r.bank.name : r.bank.name) : tv('theBank');
  const title = tv(`${r.verdict}.title`);
  const line = tv(verdictLineKey(r), vars);
  const registryLine = <p className="small registry-line">{t('registryLine', { version: r.registry.version, asOf: r.registry.asOf })}</p>;

  // Nothing to check: what to paste and an example; no table, map or share box.
  if (r.verdict === 'insufficient') {
    return (
      <main>
        <Verdict r={r} line={line} />
        <Signals r={shown} />
        <Hotline r={r} bankLabel={bankLabel} />
        <PasteHelp />
        {form}
        {registryLine}
      </main>
    );
  }

  // (With the signals the link carried: passed on again, they stay with it.)
  const links = shareLinks(await origin(), shown, await registry());
  const link = links.url;
  // The whole text is offered only where it is known (not on a page opened from a compact link).
  const wholeLink = claim.whole && links.carries === 'claim' ? links.wholeUrl : null;
  const qrSrc = await qrDataUrl(link);
  const sourcesUsed = [...new Map([...r.matches, ...r.nearest].map((m) => [`${m.source.file}`, m.source])).values()];

  return (
    <main>
      {/* The first screen: everything a person needs to act. */}
      <Verdict r={r} line={line} />
      {changed && <p className="notice">{t('registryChanged')}</p>}
      <Signals r={shown} />
      <Hotline r={r} bankLabel={bankLabel} />
      <ShareRow link={link} title={title} />
      {!claim.whole && <p className="small" data-testid="claim-only">{t('claimOnly')}</p>}

      {/* The evidence, in sections a person opens. */}
      <p className="evidence-heading">{t('evidenceHeading')}</p>
      <Received r={r} />
      <Licensed r={r} />
      <PartsTable r={r} />
      <Nearby r={r} bankLabel={bankLabel} />
      <MapSection r={r} bankLabel={bankLabel} />
      <Reasons r={r} />
      <ShareSection link={link} carries={links.carries} wholeLink={wholeLink} qrSrc={qrSrc} title={title} />

      <p className="small registry-line">
        {t('registryLine', { version: r.registry.version, asOf: r.registry.asOf })}
        {sourcesUsed.length > 0 && ` ${sourcesUsed.map((s) => `${s.file} (${s.asOf})`).join(', ')}`}
      </p>
    </main>
  );
}
