import { getTranslations } from 'next-intl/server';
import { registry } from '@/lib/web/service';
import { CoverageMap, RegistryCard, SourcesTable, WhatItHolds } from './sections';

export const dynamic = 'force-dynamic';

export default async function AboutPage() {
  const t = await getTranslations('about');
  const reg = await registry();
  return (
    <main className="about">
      <h1>{t('heading')}</h1>
      <p>{t('lead')}</p>

      <WhatItHolds info={reg.info} />
      <h2>{t('oldHeading')}</h2>
      <p>{t('old', { asOf: reg.info.asOf })}</p>
      <h2>{t('partialHeading')}</h2>
      <p>{t('partial1')}</p>
      <p>{t('partial2')}</p>
      <p>
        <strong>{t('partial3')}</strong>
      </p>

      <RegistryCard info={reg.info} />
      <SourcesTable sources={reg.info.sources} />
      <CoverageMap reg={reg} />

      <p className="small">{t('operators')}</p>
    </main>
  );
}
