import QRCode from 'qrcode';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CheckResult } from '@/lib/check';
import { floorWords } from '@/lib/check/reasons';
import type { PartReport } from '@/lib/check/result';
import { tileConfig } from '@/lib/validations/env';
import MapDetails from './MapSection';
import Places from './Places';
import MapPanel from './MapPanel';
import type { MapPoint } from './ResultMap';
import ShareButtons from './ShareButtons';

/**
 * The result page's sections below the verdict, one component each: what was received, part
 * by part, the outlets, the map, what to do next, and the share link. Each reads its own words.
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
            <a className="call" href={`tel:${r.callBank.hotline.replace(/[^\d]/g, '')}`}>
              ☎ {t('callBank', { bank: callLabel, number: r.callBank.hotline })}
            </a>
          ) : (
            <p>{t('callBankWebsite', { bank: callLabel })}</p>
          )}
        </div>
      )}
    </>
  );
}

/** The text as received, its parts marked by status, and the registered address. */
export async function Received({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  const floorText = (floors: number[]) => (en ? floorWords({ floors, labels: [] }).en : floorWords({ floors, labels: [] }).zh);
  const statuses = new Map(r.parts.map((p) => [p.part, p.status]));
  return (
    <>
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
              summary={(p) => (p.parsed ? [p.parsed.road && `${p.parsed.road}${p.parsed.roadNo ?? ''}`, p.parsed.building, p.parsed.floors.length ? floorText(p.parsed.floors) : null].filter(Boolean).join(' ') : '')}
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
    </>
  );
}

/** Each part of the address against the deciding outlet, a floor in the reader's words. */
export async function PartsTable({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  const partRows = r.parts.filter((p) => p.claimed !== null || p.registered !== null);
  const partValue = (p: PartReport, side: 'claimed' | 'registered') => {
    const level = p.levels?.[side];
    if (!level) return p[side] ?? '—';
    const words = floorWords(level)[en ? 'en' : 'zh'];
    return level.byRoom ? t('fromRoom', { floor: words }) : words;
  };
  return (
    <>
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
                    <td>{partValue(p, 'claimed')}</td>
                    <td>{partValue(p, 'registered')}</td>
                    <td className={`status s-${p.status}`}>{t(`statuses.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** The outlets registered at the address, and the named bank's nearest ones. */
export async function OutletLists({ r, bankLabel }: { r: CheckResult; bankLabel: string }) {
  const t = await getTranslations('result');
  return (
    <>
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
    </>
  );
}

/** The points of the map: the address as far as it is known, and the outlets with a position. */
function mapPoints(r: CheckResult, t: (key: string, values?: Record<string, string>) => string): MapPoint[] {
  const points: MapPoint[] = [];
  if (r.place.lat !== null && r.place.lng !== null) {
    points.push({ lat: r.place.lat, lng: r.place.lng, kind: 'claimed', label: t('mapClaimed', { precision: t(`precision.${r.place.precision ?? 'city'}`) }), approximate: r.place.precision !== 'outlet' });
  }
  for (const m of [...r.matches, ...r.nearest]) {
    if (m.lat === null || m.lng === null) continue;
    const mine = r.bank ? m.bank === r.bank.name : true;
    points.push({ lat: m.lat, lng: m.lng, kind: mine ? 'bank' : 'other', label: `${m.bank} ${m.name}`, approximate: m.approximate });
  }
  return points;
}

export async function MapSection({ r, bankLabel }: { r: CheckResult; bankLabel: string }) {
  const t = await getTranslations('result');
  const points = mapPoints(r, (k, v) => t(k, v));
  const tiles = tileConfig();
  // Closed until opened: Leaflet and the tiles load only then (MapDetails).
  return (
    <MapDetails heading={t('mapHeading')} hint={t('mapOpen')}>
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
    </MapDetails>
  );
}

/** What to do next, and the signals of an intermediary found in the message. */
export async function NextSteps({ r }: { r: CheckResult }) {
  const t = await getTranslations('result');
  const en = await isEnglish();
  return (
    <>
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
                <li key={s.code} data-signal={s.code}>
                  {en ? s.messageEn : s.message} {s.evidence && <span className="small">«{s.evidence}»</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}

/** The share link, its buttons and its QR code. */
export async function ShareSection({ link, carries, wholeLink, qrSrc, title }: { link: string; carries: 'claim' | 'whole'; wholeLink: string | null; qrSrc: string | null; title: string }) {
  const t = await getTranslations('result');
  return (
    <>
      <h2>{t('shareHeading')}</h2>
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
    </>
  );
}
