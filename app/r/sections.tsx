import { getLocale, getTranslations } from 'next-intl/server';
import type { CheckResult } from '@/lib/check';
import { floorWords } from '@/lib/check/reasons';
import type { MatchedOutlet, PartReport } from '@/lib/check/result';
import { VERDICT_STYLE } from '../_components/verdict-style';
import { tileConfig } from '@/lib/settings/tiles';
import MapDetails from './MapSection';
import Places from './Places';
import MapPanel from './MapPanel';
import type { MapPoint } from './ResultMap';
import ShareButtons from './ShareButtons';

/**
 * The result page's sections, one component each. The first screen (Verdict, Signals, Hotline,
 * ShareRow) holds what a person needs to act; the evidence follows in closed sections
 * (Fold) a person opens: the text marked, the licensed address, part by part, nearby outlets,
 * the map, the reasons in detail, the link and QR code. Each reads its own words, so that one
 * more section can be slotted in by page.tsx.
 */

const isEnglish = async () => (await getLocale()) === 'en';

type MarkStatus = PartReport['status'] | 'read';

function Highlighted({ text, spans, statuses, addressSpan, describe }: { text: string; spans: CheckResult['spans']; statuses: Map<string, PartReport['status']>; addressSpan: [number, number]; describe: (part: string, status: MarkStatus) => string }) {
  // The parts of the address as the user wrote them, each marked with its status.
  const marks = Object.entries(spans)
    .filter((e): e is [string, [number, number]] => !!e[1])
    .map(([part, [s, e]]) => ({ part, s, e }))
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


/** A closed section of evidence: its heading is the button that opens it. */
export function Fold({ title, testId, children, open = false }: { title: string; testId?: string; children: React.ReactNode; open?: boolean }) {
  return (
    <details className="fold" data-testid={testId} open={open}>
      <summary>
        <h2>{title}</h2>
      </summary>
      {children}
    </details>
  );
}

/** The verdict and one plain sentence of what it means for the reader's safety. */
export async function Verdict({ r, line }: { r: CheckResult; line: string }) {
  const tv = await getTranslations('verdict');
  const style = VERDICT_STYLE[r.verdict];
  return (
    <section className={`verdict ${style.cls}`} data-verdict={r.verdict} aria-live="polite">
      <p className="title">
        <span className="icon" aria-hidden="true">
          {style.icon}
        </span>
        <span className="words">{tv(`${r.verdict}.title`)}</span>
      </p>
      <p className="line" data-testid="why">
        {line}
      </p>
    </section>
  );
}

/** Every warning signal of the message (fees, 白名单, 内部渠道, the SMS code), on the first screen. */
export async function Signals({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  if (r.signals.length === 0) return null;
  return (
    <div className="signals-box" data-testid="signals">
      <p className="signals-title">⚠ {t('signalsHeading')}</p>
      <ul className="signals">
        {r.signals.map((s) => (
          <li key={s.code} data-signal={s.code}>
            {en ? s.messageEn : s.message}
            {/* The words of the message, unless the sentence already quotes them. */}
            {s.evidence && !(en ? s.messageEn : s.message).includes(s.evidence) && <span className="evidence"> «{s.evidence}»</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The bank's official number to call, the one named or else the one registered here. */
export async function Hotline({ r, bankLabel }: { r: CheckResult; bankLabel: string }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  const callLabel = r.callBank ? (en ? r.callBank.en ?? r.callBank.name : r.callBank.name) : bankLabel;
  return (
    <>
      {r.callBank && (
        <div className="hotline">
          {r.callBank.hotline ? (
            <a className="call" href={`tel:${r.callBank.hotline.replace(/[^\d]/g, '')}`} aria-label={t('callBank', { bank: callLabel, number: r.callBank.hotline })}>
              <span className="num">☎ {r.callBank.hotline}</span>
              <span className="who">{t('callWho', { bank: callLabel })}</span>
            </a>
          ) : (
            <p>{t('callBankWebsite', { bank: callLabel })}</p>
          )}
        </div>
      )}
    </>
  );
}

/** Share on the first screen: the buttons only; the link and its QR code are in ShareSection. */
export async function ShareRow({ link, title }: { link: string; title: string }) {
  const t = await getTranslations('result');
  return (
    <div className="share-row" data-testid="share-row">
      <span className="small">{t('shareShort')}</span>
      <ShareButtons url={link} title={title} copy={t('copy')} copied={t('copied')} share={t('share')} />
    </div>
  );
}

/** Nothing to check (insufficient, gibberish): what to paste, with an example. */
export async function PasteHelp() {
  const t = await getTranslations('result');
  return (
    <div className="card paste-help" data-testid="paste-help">
      <h2>{t('pasteHeading')}</h2>
      <p>{t('pasteHint')}</p>
      <p className="example">{t('pasteExample')}</p>
    </div>
  );
}

/** The text as received, its parts marked by status. */
export async function Received({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  const floorText = (floors: number[]) => floorWords({ floors, labels: [] })[en ? 'en' : 'zh'];
  const statuses = new Map(r.parts.map((p) => [p.part, p.status]));
  return (
    <Fold title={t('youReceived')} testId="received-section">
      <div className="card">
        <Highlighted
          text={r.input}
          spans={r.spans}
          statuses={statuses}
          addressSpan={r.addressSpan}
          describe={(part, status) => `${t.has(`parts.${part}`) ? t(`parts.${part}`) : t('parts.other')}: ${t(`statuses.${status}`)}`}
        />
        {/* Several places in one message: each, and the one checked (lib/parse/places.ts). */}
        {r.places.length > 0 && (
          <>
            <h3>{t('placesHeading')}</h3>
            <p className="small">{t('placesNote')}</p>
            <Places
              places={r.places}
              label={(role) => t(`placeRole.${role}`)}
              summary={(p) => (p.parsed ? [p.parsed.road && `${p.parsed.road}${p.parsed.roadNo ?? ''}`, p.parsed.building, p.parsed.floors.length ? floorText(p.parsed.floors) : null].filter(Boolean).join(' ') : '')}
            />
          </>
        )}
        <p className="mark-legend small" aria-hidden="true">
          {(['confirmed', 'mismatched', 'not_in_registry', 'read'] as const).map((k) => (
            <span key={k}>
              <mark className={`swatch s-${k}`}>{'\u2003'}</mark> {t(`statuses.${k}`)}
            </span>
          ))}
        </p>
      </div>
    </Fold>
  );
}

/** The licence a match holds, in a sentence: 金融许可证流水号 …，… 由…颁发. */
function licenceWords(m: MatchedOutlet, t: (key: string, values?: Record<string, string>) => string): string | null {
  const l = m.licence;
  if (!l?.serial) return null;
  const authority = l.authority ?? '—';
  const main = l.issuedAt ? t('licenceLine', { serial: l.serial, issuedAt: l.issuedAt, authority }) : t('licenceLineNoDate', { serial: l.serial, authority });
  return l.exitedAt ? `${main}; ${t('licenceExited', { date: l.exitedAt })}` : main;
}

/** The outlets registered at the address: their licensed address and their licence. */
export async function Licensed({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  if (r.matches.length === 0) return null;
  return (
    <Fold title={t('licensedHeading')} testId="licensed-section">
      <div className="card">
        {r.matches.map((m, i) => {
          const licence = licenceWords(m, (k, v) => t(k, v));
          return (
            <div className="outlet" key={m.id} data-testid="match">
              <div className="name">
                {m.bank} · {m.name} <span className="pill v-unknown">{t(`kind.${m.kind}`)}</span>
              </div>
              <div className="addr" data-testid={i === 0 ? 'licensed' : undefined}>
                {t('licensedAddress')}
                {en ? ': ' : '：'}
                {m.address}
              </div>
              {licence && (
                <div className="licence" data-testid="licence">
                  {licence}
                </div>
              )}
              <div className="meta">{t('source', { file: m.source.file, row: m.source.row, asOf: m.source.asOf })}</div>
            </div>
          );
        })}
      </div>
    </Fold>
  );
}

/** Each part compared with the deciding outlet (only those), a floor in the reader's words. */
export async function PartsTable({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  // Only the parts that were compared: a part the record does not state, or the text does
  // not give, says nothing either way.
  const partRows = r.parts.filter((p) => p.status === 'confirmed' || p.status === 'mismatched');
  const partValue = (p: PartReport, side: 'claimed' | 'registered') => {
    const level = p.levels?.[side];
    if (!level) return p[side] ?? '—';
    const words = floorWords(level)[en ? 'en' : 'zh'];
    return level.byRoom ? t('fromRoom', { floor: words }) : words;
  };
  if (partRows.length === 0) return null;
  return (
    <Fold title={t('addressParts')} testId="parts-section">
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
                <td data-label={t('claimed')}>{partValue(p, 'claimed')}</td>
                <td data-label={t('registered')}>{partValue(p, 'registered')}</td>
                <td className={`status s-${p.status}`}>{t(`statuses.${p.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Fold>
  );
}

/** The named bank's registered outlets nearest to the address. */
export async function Nearby({ r, bankLabel }: { r: CheckResult; bankLabel: string }) {
  const t = await getTranslations('result');
  if (r.nearest.length === 0) return null;
  return (
    <Fold title={t('nearestHeading', { bank: bankLabel })} testId="nearest-section">
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
    </Fold>
  );
}

/** An area's radius on the map, by how closely its place is known. */
const AREA_M = { outlet: 0, road: 500, town: 1500, district: 5000, city: 15000 } as const;

/** The points of the map: the address as far as it is known, and the outlets with a position. */
function mapPoints(r: CheckResult, t: (key: string, values?: Record<string, string>) => string): MapPoint[] {
  const points: MapPoint[] = [];
  if (r.place.lat !== null && r.place.lng !== null) {
    const precision = r.place.precision ?? 'city';
    points.push({ lat: r.place.lat, lng: r.place.lng, kind: 'claimed', label: t('mapClaimed', { precision: t(`precision.${precision}`) }), approximate: precision !== 'outlet', areaM: AREA_M[precision] || undefined });
  }
  for (const m of [...r.matches, ...r.nearest]) {
    if (m.lat === null || m.lng === null) continue;
    const mine = r.bank ? m.bank === r.bank.name : true;
    // A licence record placed at its town's, district's or city's centre is an area, not a pin.
    const areaM = m.precision && m.precision !== 'outlet' ? AREA_M[m.precision] : undefined;
    const label = `${m.bank} ${m.name}`;
    points.push({ lat: m.lat, lng: m.lng, kind: mine ? 'bank' : 'other', label: areaM ? t('mapArea', { name: label }) : label, approximate: m.approximate || !!areaM, areaM });
  }
  return points;
}

export async function MapSection({ r, bankLabel }: { r: CheckResult; bankLabel: string }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  const points = mapPoints(r, (k, v) => t(k, v));
  const tiles = tileConfig();
  // Closed until opened: Leaflet and the tiles load only then (MapDetails).
  return (
    <MapDetails heading={t('mapHeading')} hint={t('mapOpen')}>
      {points.length > 0 ? (
        <>
          <MapPanel
            points={points}
            tiles={tiles && { url: tiles.url, attribution: en ? tiles.attributionEn : tiles.attribution, crs: tiles.crs, subdomains: tiles.subdomains }}
            legend={{ claimed: t('legendClaimed'), bank: t('legendBank', { bank: bankLabel }), other: t('legendOther') }}
            failed={t('mapFailed')}
          />
          {points.some((p) => p.approximate) && <p className="small">{t('mapApprox')}</p>}
        </>
      ) : (
        <p className="small">{t('mapNone')}</p>
      )}
    </MapDetails>
  );
}

/** The reasons in detail, what a real bank never asks, and the regulator's warning. */
export async function Reasons({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  // The demo banner at the top already says the registry is a demo.
  const reasons = r.reasons.filter((x) => x.code !== 'demo_registry');
  return (
    <Fold title={t('reasonsHeading')} testId="reasons-section">
      <ul className="reasons">
        {reasons.map((x) => (
          <li key={x.code + x.message}>{en ? x.messageEn : x.message}</li>
        ))}
      </ul>
      <p>
        <strong>{t('neverAsk')}</strong>
      </p>
      {/* What to do about the caller: report the number (12321), and 96110 when money or a code was asked for. */}
      {r.steps.length > 0 && (
        <ul className="steps" data-testid="steps">
          {r.steps.map((x) => (
            <li key={x.code}>{en ? x.messageEn : x.message}</li>
          ))}
        </ul>
      )}
      <p className="small">{t('regulator')}</p>
    </Fold>
  );
}


/** The share link and its QR code, with the whole message as an option. */
export async function ShareSection({ link, carries, wholeLink, qrSrc, title }: { link: string; carries: 'claim' | 'whole'; wholeLink: string | null; qrSrc: string | null; title: string }) {
  const t = await getTranslations('result');
  return (
    <Fold title={t('shareLinkHeading')} testId="share-section">
      <div className="card share">
        <div>
          <p className="small">{carries === 'claim' ? t('shareHintClaim') : t('shareHint')}</p>
          <p id="share-link" className="link" data-testid="share-link" data-carries={carries}>
            {link}
          </p>
          <ShareButtons url={link} title={title} copy={t('copy')} copied={t('copied')} share={t('share')} />
          {wholeLink && (
            <details className="share-whole">
              <summary>{t('shareWhole')}</summary>
              <p className="small">{t('shareWholeHint')}</p>
              <p className="link" data-testid="share-whole-link">
                {wholeLink}
              </p>
              <ShareButtons url={wholeLink} title={title} copy={t('copy')} copied={t('copied')} share={t('share')} />
            </details>
          )}
        </div>
        {qrSrc ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img className="qr" src={qrSrc} alt={t('qr')} width={132} height={132} />
        ) : (
          <p className="small" data-testid="no-qr">
            {t('qrTooLong')}
          </p>
        )}
      </div>
    </Fold>
  );
}
