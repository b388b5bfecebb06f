import { getTranslations } from 'next-intl/server';
import type { Verdict } from '@/lib/check';
import { resultPath } from '@/lib/web/share';
import { registry } from '@/lib/web/service';
import CheckForm from './_components/CheckForm';
import { VERDICT_STYLE } from './_components/verdict-style';

export const dynamic = 'force-dynamic';

// Worked examples, written for the demo registry; with a real registry, examples are made
// from its own outlets so that they always show what they claim.
const DEMO_EXAMPLES: [Verdict, string][] = [
  ['office_floor', '我是建设银行信贷经理王工，请明天上午到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同，先交3%手续费。'],
  ['registered_branch', '建设银行 深圳市福田区演示大道88号示例金融大厦一楼'],
  ['bank_mismatch', '工商银行贷款中心：请到深圳市福田区演示大道88号示例金融大厦1楼办理'],
  ['not_registered', '【建行】您的额度已批，请到深圳市福田区演示大道200号面签'],
  ['not_covered', '平安银行 深圳市福田区演示大道300号8楼'],
  ['insufficient', '您好，您在我行的贷款额度已审批通过，请尽快联系王经理办理'],
];

export default async function Home() {
  const t = await getTranslations('home');
  const tv = await getTranslations('verdict');
  const reg = await registry();
  const examples: [Verdict, string][] = reg.info.demo ? DEMO_EXAMPLES : reg.examples().map((e) => [e.verdict as Verdict, e.text]);
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
