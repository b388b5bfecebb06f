import fs from 'node:fs';
import { getLocale, getTranslations } from 'next-intl/server';
import { builtInPaths } from '@/lib/registry/locator';
import { divisionIndex } from '@/lib/parse/divisions';
import { tileConfig } from '@/lib/settings/env';
import { registry } from '@/lib/web/service';
import MapPanel from '../r/MapPanel';

export const dynamic = 'force-dynamic';

/**
 * The licence export's share of the licences in use at its date, from the count its manifest
 * gives (licencesInUseAtExport), when the registry is the built-in licence registry.
 */
function licenceShare(title: string, held: number): number | null {
  try {
    const m = JSON.parse(fs.readFileSync(builtInPaths('licences').manifest, 'utf8')) as { title?: string; licencesInUseAtExport?: number };
    const all = m.title === title ? m.licencesInUseAtExport : undefined;
    return all && all > 0 && held > 0 ? Math.round((100 * held) / all) : null;
  } catch {
    return null;
  }
}

export default async function AboutPage() {
  const t = await getTranslations('about');
  const reg = await registry();
  const info = reg.info;
  // Where the registry has anything to say: a point per city, sized by its outlets.
  const coverage = reg.staffedCities();
  const cityName = (code: string) => divisionIndex().byCode.get(code)?.name ?? code;
  const tiles = tileConfig();
  const zhPage = (await getLocale()) === 'zh';
  const colon = zhPage ? '：' : ': ';
  // The licence registry's sources: the licences in use (the first) and those withdrawn.
  const licences = info.sources.filter((s) => s.format === 'licence');
  const held = (licences[0]?.report as { imported?: number } | undefined)?.imported ?? 0;
  const percent = licenceShare(info.title, held);
  return (
    <main className="about">
      <h1>{t('heading')}</h1>
      <p>{t('lead')}</p>

      <h2>{t('whatHeading')}</h2>
      <p data-testid="about-what">
        {info.demo ? t('whatDemo') : licences.length > 0 && percent !== null ? t('whatLicences', { asOf: info.asOf, percent, held }) : t('whatOther', { asOf: info.asOf })}
      </p>
      <h2>{t('oldHeading')}</h2>
      <p>{t('old', { asOf: info.asOf })}</p>
      <h2>{t('partialHeading')}</h2>
      <p>{t('partial1')}</p>
      <p>{t('partial2')}</p>
      <p>
        <strong>{t('partial3')}</strong>
      </p>

      <div className="card">
        <p>
          {t('registry')}{colon}<strong data-testid="registry-version">{info.version}</strong>
          {/* The manifest's title and notes are written in English: on the Chinese page the words above say it. */}
          {info.title && (!zhPage || /\p{Script=Han}{4}/u.test(info.title)) && <> · {info.title}</>}
        </p>
        <p className="small">
          {t('builtAt')}{colon}{info.builtAt} · {t('outlets')}{colon}{info.outlets}
        </p>
      </div>

      <h2>{t('sourcesHeading')}</h2>
      <div className="table-wrap">
        <table className="sources">
          <thead>
            <tr>
              <th>{t('sourceFile')}</th>
              <th>{t('sourceBank')}</th>
              <th>{t('sourceRegion')}</th>
              <th>{t('sourceAsOf')}</th>
              <th>{t('sourceRows')}</th>
            </tr>
          </thead>
          <tbody>
            {info.sources.map((s) => (
              <tr key={s.id}>
                <td className="file">
                  {s.file}
                  {s.note && (!zhPage || /\p{Script=Han}{4}/u.test(s.note)) && <div className="small">{s.note}</div>}
                </td>
                <td data-label={t('sourceBank')}>{s.bank === '*' ? t('everyBank') : s.bank}</td>
                <td data-label={t('sourceRegion')}>{s.region}</td>
                <td data-label={t('sourceAsOf')} className="nowrap">
                  {s.asOf}
                </td>
                <td data-label={t('sourceRows')}>{(s.report as { imported?: number }).imported ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {coverage.length > 0 && <h2>{t('coverageMap')}</h2>}
      <MapPanel
        points={coverage.map((c) => ({ lat: c.lat, lng: c.lng, kind: 'bank' as const, label: t('coverageLabel', { city: cityName(c.cityCode), count: c.outlets }), approximate: true, size: c.outlets }))}
        labelsAlways
        tiles={tiles && { url: tiles.url, attribution: colon === '：' ? tiles.attribution : tiles.attributionEn, crs: tiles.crs, subdomains: tiles.subdomains }}
        legend={{ bank: t('coverageLegend') }}
      />

      <p className="small">{t('operators')}</p>
    </main>
  );
}
