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
import { readSharedClaim, versionTag, type SharedClaim } from '@/lib/web/share';
import { previewOf } from '@/lib/web/preview';
import { qrDataUrl } from '@/lib/web/qr';
import { withClaimKeyOf } from '@/lib/check/claim-key';
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

/** The form to check another text, holding this one. */
async function RecheckForm({ initial }: { initial: string }) {
  const th = await getTranslations('home');
  return <CheckForm label={th('label')} placeholder={th('placeholder')} submit={th('submit')} errorEmpty={th('errorEmpty')} errorLong={th('errorLong')} initial={initial} />;
}

/** No text in the link, or one that could not be checked: why, and the form. */
async function NotChecked({ error, text }: { error: string | null; text: string | null }) {
  const t = await getTranslations('result');
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p className="form-error" role="alert">
        {error ?? t('notFound')}
      </p>
      <RecheckForm initial={text ?? ''} />
    </main>
  );
}

/** The registry's version and date, then (when given) the source files of the outlets shown. */
async function RegistryLine({ r, sources }: { r: CheckResult; sources?: { file: string; asOf: string }[] }) {
  const t = await getTranslations('result');
  return (
    <p className="small registry-line">
      {t('registryLine', { version: r.registry.version, asOf: r.registry.asOf })}
      {sources && sources.length > 0 && ` ${sources.map((s) => `${s.file} (${s.asOf})`).join(', ')}`}
    </p>
  );
}

/** The verdict in words: its title, its sentence, and the bank as the reader names it. */
async function verdictWords(r: CheckResult, locale: Locale) {
  const tv = await getTranslations('verdict');
  const bankLabel = r.bank ? (locale === 'en' ? r.bank.en ?? r.bank.name : r.bank.name) : tv('theBank');
  return { bankLabel, title: tv(`${r.verdict}.title`), line: tv(verdictLineKey(r), verdictVars(r, locale, (k) => tv(k))) };
}

/** The result's links (the one shown, and the whole text's where it is known) and the shown one's QR code. */
async function shareOf(shown: CheckResult, claim: SharedClaim) {
  const links = shareLinks(await origin(), shown, await registry());
  // The whole text is offered only where it is known (not on a page opened from a compact link).
  const wholeLink = claim.whole && links.carries === 'claim' ? links.wholeUrl : null;
  return { link: links.url, carries: links.carries, wholeLink, qrSrc: await qrDataUrl(links.url) };
}

type Words = Awaited<ReturnType<typeof verdictWords>>;

/** Nothing to check: what to paste and an example; no table, map or share box. */
function NothingToCheck({ r, shown, words, text }: { r: CheckResult; shown: CheckResult; words: Words; text: string }) {
  return (
    <main>
      <Verdict r={r} line={words.line} />
      <Signals r={shown} />
      <Hotline r={r} bankLabel={words.bankLabel} />
      <PasteHelp />
      <RecheckForm initial={text} />
      <RegistryLine r={r} />
    </main>
  );
}

/** The first screen (everything a person needs to act), then the evidence in sections a person opens. */
async function FullResult({ r, shown, claim, words, changed }: { r: CheckResult; shown: CheckResult; claim: SharedClaim; words: Words; changed: boolean }) {
  const t = await getTranslations('result');
  // (With the signals the link carried: passed on again, they stay with it.)
  const share = await shareOf(shown, claim);
  const sourcesUsed = [...new Map([...r.matches, ...r.nearest].map((m) => [`${m.source.file}`, m.source])).values()];
  const { bankLabel, title, line } = words;
  return (
    <main>
      {/* The first screen: everything a person needs to act. */}
      <Verdict r={r} line={line} />
      {changed && <p className="notice">{t('registryChanged')}</p>}
      <Signals r={shown} />
      <Hotline r={r} bankLabel={bankLabel} />
      <ShareRow link={share.link} title={title} />
      {!claim.whole && <p className="small" data-testid="claim-only">{t('claimOnly')}</p>}

      {/* The evidence, in sections a person opens. */}
      <p className="evidence-heading">{t('evidenceHeading')}</p>
      <Received r={r} />
      <Licensed r={r} />
      <PartsTable r={r} />
      <Nearby r={r} bankLabel={bankLabel} />
      <MapSection r={r} bankLabel={bankLabel} />
      <Reasons r={r} />
      <ShareSection link={share.link} carries={share.carries} wholeLink={share.wholeLink} qrSrc={share.qrSrc} title={title} />

      <RegistryLine r={r} sources={sourcesUsed} />
    </main>
  );
}

export default async function ResultPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const text = textOf(sp);
  const checked = text !== null ? await checkOnce(text) : null;
  if (!checked || !checked.ok) return <NotChecked error={checked && !checked.ok ? checked.error.message : null} text={text} />;

  const r = checked.result;
  logEvent('check', () => ({ verdict: r.verdict, text: textHash(checked.text), via: 'page' }));
  const claim = readSharedClaim(sp)!;
  // (The copy keeps the result's claim key: its share links are vouched for without parsing the text again.)
  const shown = withClaimKeyOf({ ...r, signals: signalsFor(r, claim) }, r);
  const words = await verdictWords(r, (await getLocale()) as Locale);
  if (r.verdict === 'insufficient') return <NothingToCheck r={r} shown={shown} words={words} text={text ?? ''} />;
  const madeWith = one(sp.v);
  return <FullResult r={r} shown={shown} claim={claim} words={words} changed={!!madeWith && madeWith !== versionTag(r.registry.version)} />;
}
