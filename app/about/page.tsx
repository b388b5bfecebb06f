import { getLocale, getTranslations } from 'next-intl/server';
import { divisionIndex } from '@/lib/parse/divisions';
import { tileConfig } from '@/lib/validations/env';
import { registry } from '@/lib/web/service';
import MapPanel from '../r/MapPanel';

export const dynamic = 'force-dynamic';

const MANIFEST_EXAMPLE = `{
  "asOf": "2026-11-01",
  "sources": [
    {
      "file": "licences-2026-11.xlsx",
      "bank": "*",
      "region": "广东省深圳市",
      "format": "licence",
      "crs": "gcj02"
    }
  ]
}`;

export default async function AboutPage() {
  const t = await getTranslations('about');
  const reg = await registry();
  const info = reg.info;
  // Where the registry has anything to say: a point per city, sized by its outlets.
  const coverage = reg.staffedCities();
  const cityName = (code: string) => divisionIndex().byCode.get(code)?.name ?? code;
  const tiles = tileConfig();
  const colon = (await getLocale()) === 'zh' ? '：' : ': ';
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p>{t('lead')}</p>
      <div className="card">
        <p>
          {t('registry')}{colon}<strong data-testid="registry-version">{info.version}</strong>
          {info.title && <> · {info.title}</>}
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
                  {s.note && <div className="small">{s.note}</div>}
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

      <h2>{t('coverageMap')}</h2>
      <MapPanel
        points={coverage.map((c) => ({ lat: c.lat, lng: c.lng, kind: 'bank' as const, label: t('coverageLabel', { city: cityName(c.cityCode), count: c.outlets }), approximate: true, size: c.outlets }))}
        labelsAlways
        tiles={tiles && { url: tiles.url, attribution: colon === '：' ? tiles.attribution : tiles.attributionEn, crs: tiles.crs, subdomains: tiles.subdomains }}
        legend={{ bank: t('coverageLegend') }}
      />

      <h2>{t('howHeading')}</h2>
      <p>{t('how1')}</p>
      <pre className="cmd">{MANIFEST_EXAMPLE}</pre>
      <p>{t('how2')}</p>
      <pre className="cmd">{`npm run --silent registry:build -- --manifest manifest.json --out registry.sqlite\nREGISTRY_DB=registry.sqlite npm start`}</pre>

      <h2>{t('limitsHeading')}</h2>
      <p>{t('limits')}</p>
    </main>
  );
}
