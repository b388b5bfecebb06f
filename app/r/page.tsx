import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import type { Locale } from '@/i18n/locale';
import { findBank } from '@/lib/banks';
import { check, type CheckResult } from '@/lib/check';
import type { PartReport } from '@/lib/check/compare';
import { floorWords } from '@/lib/check/reasons';
import { checkText } from '@/lib/input';
import { tileConfig } from '@/lib/validations/env';
import { logEvent, textHash } from '@/lib/web/log';
import { baseUrl, registry } from '@/lib/web/service';
import { decodeText, encodeText, shareUrl, versionTag } from '@/lib/web/share';
import CheckForm from '../_components/CheckForm';
import { VERDICT_STYLE } from '../_components/verdict-style';
import MapPanel from './MapPanel';
import type { MapPoint } from './ResultMap';
import Places from './Places';
import ShareButtons from './ShareButtons';

export const dynamic = 'force-dynamic';

type Search = Promise<{ t?: string | string[]; q?: string | string[]; v?: string | string[] }>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The text a result link carries: t (base64url, from our own links) or q (a plain form GET). */
function textOf(sp: Awaited<Search>): string | null {
  const t = one(sp.t);
  if (t) return decodeText(t);
  return one(sp.q) ?? null;
}

/** One check per request, shared by the metadata and the page. */
const checkOnce = cache(async (text: string) => check(text, await registry()));

async function origin(): Promise<string> {
  const h = await headers();
  return baseUrl(undefined, h.get('x-forwarded-host') ?? h.get('host'), h.get('x-forwarded-proto'));
}

/** Words for the verdict's sentence, in the reader's language. */
function verdictVars(r: CheckResult, locale: Locale, t: (k: string) => string) {
  const bankName = (name: string | null | undefined) => (name ? (locale === 'en' ? findBank(name)?.en ?? name : name) : t('anyBank'));
  const top = r.matches[0];
  const floorOf = (floors: number[], labels: string[] = []) => {
    const w = floorWords(floors, labels);
    return locale === 'en' ? w.en : w.zh;
  };
  const claimedFloors = r.parsed.floors.length ? r.parsed.floors : r.parsed.inferredFloor !== null ? [r.parsed.inferredFloor] : [];
  return {
    bank: bankName(r.verdict === 'registered_branch' ? top?.bank : r.bank?.name),
    other: bankName(top?.bank),
    registered: top ? floorOf(top.floors) : '',
    // 楼上 and its relatives state an upper floor with no number (lib/parse/upstairs.ts).
    claimed: claimedFloors.length ? floorOf(claimedFloors) : r.parts.some((p) => p.part === 'floor' && p.claimed === '楼上') ? (locale === 'en' ? 'an upper floor' : '楼上') : r.parsed.buildingNo ?? r.parsed.room ?? '',
  };
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const sp = await searchParams;
  const text = textOf(sp);
  const tv = await getTranslations('verdict');
  const ts = await getTranslations('site');
  const locale = (await getLocale()) as Locale;
  const checked = text === null ? null : checkText(text);
  if (!checked?.ok) return { title: ts('name') };
  const r = await checkOnce(checked.text);
  // Titles and descriptions say the verdict only: never the text itself.
  const title = `${tv(`${r.verdict}.title`)} · ${ts('name')}`;
  const description = ts('tagline');
  const image = `${await origin()}/api/og?t=${encodeText(checked.text)}&l=${locale}`;
  return { title, description, openGraph: { title, description, images: [{ url: image, width: 1200, height: 630 }], type: 'website' }, twitter: { card: 'summary_large_image', title, description, images: [image] } };
}

type MarkStatus = PartReport['status'] | 'read';

function Highlighted({ text, spans, statuses, addressSpan, describe }: { text: string; spans: CheckResult['spans']; statuses: Map<string, PartReport['status']>; addressSpan: [number, number]; describe: (part: string, status: MarkStatus) => string }) {
  // The parts of the address as the user wrote them, each marked with its status.
  const marks = Object.entries(spans)
    .filter((e): e is [string, [number, number]] => !!e[1])
    .map(([part, [s, e]]) => ({ part: part === 'roadNo' ? 'number' : part === 'floors' ? 'floor' : part, s, e }))
    .sort((a, b) => a.s - b.s);
  const out: React.ReactNode[] = [];
  let at = 0;
  const plain = (s: number, e: number) => {
    if (e <= s) return;
    // Text outside the address (greetings, sales talk) is shown dimmed.
    const [as, ae] = addressSpan;
    const cut = [s, Math.max(s, Math.min(e, as)), Math.max(s, Math.min(e, ae)), e];
    if (cut[1] > cut[0]) out.push(<span key={`o${s}`} className="outside">{text.slice(cut[0], cut[1])}</span>);
    if (cut[2] > cut[1]) out.push(text.slice(cut[1], cut[2]));
    if (cut[3] > cut[2]) out.push(<span key={`p${s}`} className="outside">{text.slice(cut[2], cut[3])}</span>);
  };
  for (const m of marks) {
    if (m.s < at) continue;
    plain(at, m.s);
    // Parts the registry is not compared on (province, city, room) are shown as read, not judged.
    const status: MarkStatus = statuses.get(m.part) ?? 'read';
    out.push(
      <mark key={`m${m.s}`} className={`s-${status}`} data-part={m.part} data-status={status} title={describe(m.part, status)}>
        {text.slice(m.s, m.e)}
      </mark>,
    );
    at = m.e;
  }
  plain(at, text.length);
  return <div className="received">{out}</div>;
}

export default async function ResultPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('result');
  const tv = await getTranslations('verdict');
  const th = await getTranslations('home');
  const text = textOf(sp);
  const form = <CheckForm label={th('label')} placeholder={th('placeholder')} submit={th('submit')} errorEmpty={th('errorEmpty')} errorLong={th('errorLong')} initial={text ?? ''} />;
  const checked = text !== null ? checkText(text) : null;
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

  const reg = await registry();
  const r = await checkOnce(checked.text);
  logEvent('check', { verdict: r.verdict, text: textHash(checked.text), via: 'page' });
  const style = VERDICT_STYLE[r.verdict];
  const vars = verdictVars(r, locale, (k) => tv(k));
  const statuses = new Map(r.parts.map((p) => [p.part, p.status]));
  const link = shareUrl(await origin(), checked.text, reg.info.version);
  const qr = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const qrSrc = `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}`;
  const madeWith = one(sp.v);
  const changed = !!madeWith && madeWith !== versionTag(reg.info.version);
  const en = locale === 'en';
  const bankLabel = r.bank ? (en ? r.bank.en ?? r.bank.name : r.bank.name) : tv('theBank');
  const callLabel = r.callBank ? (en ? r.callBank.en ?? r.callBank.name : r.callBank.name) : bankLabel;

  const points: MapPoint[] = [];
  if (r.place.lat !== null && r.place.lng !== null) {
    points.push({ lat: r.place.lat, lng: r.place.lng, kind: 'claimed', label: t('mapClaimed', { precision: t(`precision.${r.place.precision ?? 'city'}`) }), approximate: r.place.precision !== 'outlet' });
  }
  for (const m of [...r.matches, ...r.nearest]) {
    if (m.lat === null || m.lng === null) continue;
    const mine = r.bank ? m.bank === r.bank.name : true;
    points.push({ lat: m.lat, lng: m.lng, kind: mine ? 'bank' : 'other', label: `${m.bank} ${m.name}`, approximate: m.approximate });
  }
  const tiles = tileConfig();

  const floorOf = (floors: number[]) => (en ? floorWords(floors).en : floorWords(floors).zh);
  const partRows = r.parts.filter((p) => p.claimed !== null || p.registered !== null);
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

      {r.callBank && (
        <div className="hotline">
          {r.callBank.hotline ? (
            <a className="call" href={`tel:${r.callBank.hotline.replace(/[^\d]/g, '')}`}>
              ☎ {t('callBank', { bank: callLabel, number: r.callBank.hotline })}
            </a>
          ) : (
            <p>{t('callBankWebsite', { bank: callLabel })}</p>
          )}
        </div>
      )}

      <h2>{t('youReceived')}</h2>
      <div className="card">
        <Highlighted
          text={r.input}
          spans={r.spans}
          statuses={statuses}
          addressSpan={r.addressSpan}
          describe={(part, status) => `${t.has(`parts.${part}`) ? t(`parts.${part}`) : t('parts.other')}: ${t(`statuses.${status}`)}`}
        />
        {r.places.length > 0 && (
          <>
            <h3>{t('placesHeading')}</h3>
            <p className="small">{t('placesNote')}</p>
            <Places
              places={r.places}
              label={(role) => t(`placeRole.${role}`)}
              summary={(p) => (p.parsed ? [p.parsed.road && `${p.parsed.road}${p.parsed.roadNo ?? ''}`, p.parsed.building, p.parsed.floors.length ? floorOf(p.parsed.floors) : null].filter(Boolean).join(' ') : '')}
            />
          </>
        )}
        {r.matches[0] && (
          <p className="licensed" data-testid="licensed">
            <span className="small">{t('licensedAddress')}</span>
            <br />
            {r.matches[0].address} <span className="small">{en ? `(${r.matches[0].name})` : `（${r.matches[0].name}）`}</span>
          </p>
        )}
        <p className="mark-legend small" aria-hidden="true">
          {(['confirmed', 'mismatched', 'not_in_registry', 'read'] as const).map((k) => (
            <span key={k}>
              <mark className={`swatch s-${k}`}>{'\u2003'}</mark> {t(`statuses.${k}`)}
            </span>
          ))}
        </p>
      </div>

      <h2>{t('whyHeading')}</h2>
      <ul className="reasons">
        {/* The demo banner at the top already says the registry is a demo. */}
        {r.reasons.filter((x) => x.code !== 'demo_registry').map((x) => (
          <li key={x.code + x.message}>{en ? x.messageEn : x.message}</li>
        ))}
      </ul>

      {partRows.length > 0 && (
        <>
          <h2>{t('addressParts')}</h2>
          <div className="card">
            <table className="parts">
              <thead>
                <tr>
                  <th>{t('part')}</th>
                  <th>{t('claimed')}</th>
                  <th>{t('registered')}</th>
                  <th>{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {partRows.map((p) => (
                  <tr key={p.part} data-part={p.part}>
                    <td>{t(`parts.${p.part}`)}</td>
                    <td>{p.claimed ?? '—'}</td>
                    <td>{p.registered ?? '—'}</td>
                    <td className={`status s-${p.status}`}>{t(`statuses.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {r.matches.length > 0 && (
        <>
          <h2>{t('matchesHeading')}</h2>
          <div className="card">
            {r.matches.map((m) => (
              <div className="outlet" key={m.id} data-testid="match">
                <div className="name">
                  {m.bank} · {m.name} <span className="pill v-unknown">{t(`kind.${m.kind}`)}</span>
                </div>
                <div className="addr">
                  {t('licensedAddress')}：{m.address}
                </div>
                <div className="meta">{t('source', { file: m.source.file, row: m.source.row, asOf: m.source.asOf })}</div>
              </div>
            ))}
          </div>
        </>
      )}

      {r.nearest.length > 0 && (
        <>
          <h2>{t('nearestHeading', { bank: bankLabel })}</h2>
          <div className="card">
            {r.nearest.map((m) => (
              <div className="outlet" key={m.id} data-testid="nearest">
                <div className="name">
                  {m.bank} · {m.name}
                  {m.distanceKm !== undefined && <span className="small"> · {t('distance', { km: m.distanceKm })}</span>}
                </div>
                <div className="addr">{m.address}</div>
                <div className="meta">{t('source', { file: m.source.file, row: m.source.row, asOf: m.source.asOf })}</div>
              </div>
            ))}
          </div>
        </>
      )}

      <h2>{t('mapHeading')}</h2>
      {points.length > 0 ? (
        <>
          <MapPanel
            points={points}
            tiles={tiles && { url: tiles.url, attribution: tiles.attribution, crs: tiles.crs, subdomains: tiles.subdomains }}
            legend={{ claimed: t('legendClaimed'), bank: t('legendBank', { bank: bankLabel }), other: t('legendOther') }}
          />
          {points.some((p) => p.approximate) && <p className="small">{t('mapApprox')}</p>}
        </>
      ) : (
        <p className="small">{t('mapNone')}</p>
      )}

      <h2>{t('nextHeading')}</h2>
      <div className="card">
        <p>
          <strong>{t('neverAsk')}</strong>
        </p>
        <p>{t('regulator')}</p>
        {r.steps.length > 0 && (
          <ul className="reasons steps" data-testid="steps">
            {r.steps.map((s) => (
              <li key={s.code}>{en ? s.messageEn : s.message}</li>
            ))}
          </ul>
        )}
        {r.signals.length > 0 && (
          <>
            <h3>{t('signalsHeading')}</h3>
            <ul className="reasons signals">
              {r.signals.map((s) => (
                <li key={s.code}>
                  {en ? s.messageEn : s.message} <span className="small">«{s.evidence}»</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <h2>{t('shareHeading')}</h2>
      <div className="card share">
        <div>
          <p className="small">{t('shareHint')}</p>
          <p id="share-link" className="link" data-testid="share-link">
            {link}
          </p>
          <ShareButtons url={link} title={tv(`${r.verdict}.title`)} copy={t('copy')} copied={t('copied')} share={t('share')} />
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img className="qr" src={qrSrc} alt={t('qr')} width={132} height={132} />
      </div>

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
