import { getLocale, getTranslations } from 'next-intl/server';
import { VERDICTS } from '@/lib/check';
import { VERDICT_STYLE } from '../_components/verdict-style';
import BatchRunner from './BatchRunner';

export const dynamic = 'force-dynamic';

export default async function BatchPage() {
  const t = await getTranslations('batch');
  const tv = await getTranslations('verdict');
  const locale = await getLocale();
  const cols = ['line', 'text', 'verdict', 'code', 'bank', 'outlet', 'reason', 'link'] as const;
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p>{t('lead')}</p>
      <BatchRunner
        labels={{
          label: t('label'),
          file: t('file'),
          run: t('run'),
          running: t.raw('running'),
          done: t.raw('done'),
          download: t('download'),
          tooMany: t('tooMany'),
          empty: t('empty'),
          failed: t.raw('failed'),
          columns: Object.fromEntries(cols.map((c) => [c, t(`columns.${c}`)])) as Record<(typeof cols)[number], string>,
          verdicts: Object.fromEntries(VERDICTS.map((v) => [v, tv(`${v}.title`)])),
          styles: Object.fromEntries(VERDICTS.map((v) => [v, VERDICT_STYLE[v].cls])),
          en: locale === 'en',
        }}
      />
    </main>
  );
}
