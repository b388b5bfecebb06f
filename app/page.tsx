import { getTranslations } from 'next-intl/server';
import { resultPath } from '@/lib/web/share';
import { registry } from '@/lib/web/service';
import { examplesOf } from './_lib/examples';
import CheckForm from './_components/CheckForm';
import { VERDICT_STYLE } from './_components/verdict-style';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const t = await getTranslations('home');
  const tv = await getTranslations('verdict');
  const reg = await registry();
  const examples = examplesOf(reg);
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p>{t('lead')}</p>
      <CheckForm label={t('label')} placeholder={t('placeholder')} submit={t('submit')} errorEmpty={t('errorEmpty')} errorLong={t('errorLong')} />
      <h2>{t('examplesHeading')}</h2>
      <ul className="examples">
        {examples.map(([verdict, text]) => (
          <li key={text}>
            <a className="example" data-verdict={verdict} href={resultPath(text)}>
              <span className={`tag pill ${VERDICT_STYLE[verdict].cls}`}>{tv(`${verdict}.title`)}</span>
              {text}
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('scopeHeading')}</h2>
      <div className="scope">
        <p>{t('scopeCan')}</p>
        <p>{t('scopeCannot')}</p>
      </div>
    </main>
  );
}
