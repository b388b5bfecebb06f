import fs from 'node:fs';
import { getLocale, getTranslations } from 'next-intl/server';
import { builtInPaths } from '@/lib/registry/locator';
import { divisionIndex } from '@/lib/parse/divisions';
import type { Registry, RegistryInfo, SourceInfo } from '@/lib/registry/registry';
import { tileConfig } from '@/lib/settings/tiles';
import MapPanel from '../r/MapPanel';

/**
 * The about page's sections that read the registry, one component each: what it holds, its
 * version, its sources, and where it has outlets. Each reads its own words.
 */

/** The reader's language: the colon that goes with it, and whether the page is the Chinese one. */
async function pageLanguage() {
  const zhPage = (await getLocale()) === 'zh';
  return { zhPage, colon: zhPage ? '：' : ': ' };
}

/** The manifest's title and notes are written in English: on the Chinese page the words around them say it, unless they are Chinese. */
const shownOn = (zhPage: boolean, s: string) => !zhPage || /\p{Script=Han}{4}/u.test(s);

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

/** What the registry holds: the demo's made-up outlets, the licences in use (and their share), or a bank's own lists. */
export async function WhatItHolds({ info }: { info: RegistryInfo }) {
  const t = await getTranslations('about');
  // The licence registry's sources: the licences in use (the first) and those withdrawn.
  const licences = info.sources.filter((s) => s.format === 'licence');
  const held = (licences[0]?.report as { imported?: number } | undefined)?.imported ?? 0;
  const percent = licenceShare(info.title, held);
  return (
    <>
      <h2>{t('whatHeading')}</h2>
      <p data-testid="about-what">
        {info.demo ? t('whatDemo') : licences.length > 0 && percent !== null ? t('whatLicences', { asOf: info.asOf, percent, held }) : t('whatOther', { asOf: info.asOf })}
      </p>
    </>
  );
}

/** The registry's version, title, build time and outlet count. */
export async function RegistryCard({ info }: { info: RegistryInfo }) {
  const t = await getTranslations('about');
  const { zhPage, colon } = await pageLanguage();
  return (
    <div className="card">
      <p>
        {t('registry')}{colon}<strong data-testid="registry-version">{info.version}</strong>
        {info.title && shownOn(zhPage, info.title) && <> · {info.title}</>}
      </p>
      <p className="small">
        {t('builtAt')}{colon}{info.builtAt} · {t('outlets')}{colon}{info.outlets}
      </p>
    </div>
  );
}

/** Each source file: its bank, region, date and the rows taken from it. */
export async function SourcesTable({ sources }: { sources: SourceInfo[] }) {
  const t = await getTranslations('about');
  const { zhPage } = await pageLanguage();
  return (
    <>
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
            {sources.map((s) => (
              <tr key={s.id}>
                <td className="file">
                  {s.file}
                  {s.note && shownOn(zhPage, s.note) && <div className="small">{s.note}</div>}
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
    </>
  );
}

/** Where the registry has anything to say: a point per city, sized by its outlets. */
export async function CoverageMap({ reg }: { reg: Registry }) {
  const t = await getTranslations('about');
  const { zhPage } = await pageLanguage();
  const coverage = reg.staffedCities();
  const cityName = (code: string) => divisionIndex().byCode.get(code)?.name ?? code;
  const tiles = tileConfig();
  return (
    <>
      {coverage.length > 0 && <h2>{t('coverageMap')}</h2>}
      <MapPanel
        points={coverage.map((c) => ({ lat: c.lat, lng: c.lng, kind: 'bank' as const, label: t('coverageLabel', { city: cityName(c.cityCode), count: c.outlets }), approximate: true, size: c.outlets }))}
        labelsAlways
        tiles={tiles && { url: tiles.url, attribution: zhPage ? tiles.attribution : tiles.attributionEn, crs: tiles.crs, subdomains: tiles.subdomains }}
        legend={{ bank: t('coverageLegend') }}
      />
    </>
  );
}
