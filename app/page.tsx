import { parse } from '@/lib/parse';
import { checkText } from '@/lib/input';

const LABELS: [string, string][] = [
  ['district', '区县'], ['road', '道路'], ['roadNo', '门牌'], ['building', '建筑'], ['buildingNo', '楼栋'],
  ['floors', '楼层'], ['room', '房间'], ['bank', '银行'], ['branch', '网点'],
];

export default async function Home({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const text = typeof q === 'string' ? q : '';
  const checked = text ? checkText(text) : null;
  const parsed = checked?.ok ? parse(checked.text) : null;
  return (
    <main>
      <h1>真网点</h1>
      <p>粘贴收到的地址或整条消息，看它是不是持牌银行网点。</p>
      <form method="get">
        <label htmlFor="q">地址或消息</label>
        <textarea id="q" name="q" defaultValue={text} maxLength={2000} />
        <button type="submit">核验</button>
      </form>
      {checked && !checked.ok && <p role="alert">{checked.error.message}</p>}
      {parsed && (
        <dl className="parts">
          {LABELS.map(([key, label]) => {
            const v = parsed[key as keyof typeof parsed];
            const shown = Array.isArray(v) ? (v.length ? v.join('、') : null) : (v as string | null);
            return [<dt key={`${key}-t`}>{label}</dt>, <dd key={`${key}-d`}>{shown ?? '—'}</dd>];
          })}
        </dl>
      )}
    </main>
  );
}
