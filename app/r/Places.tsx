import type { CheckResult } from '@/lib/check';

type Place = CheckResult['places'][number];

/**
 * Every place found in a message, with the one that was checked marked: an old address, a
 * landmark or the district said again are read and shown, but they are not where the person
 * is sent.
 */
export default function Places({ places, label, summary }: { places: Place[]; label: (role: Place['role']) => string; summary: (p: Place) => string }) {
  if (places.length === 0) return null;
  return (
    <ul className="places" data-testid="places">
      {places.map((p) => (
        <li key={`${p.span[0]}-${p.role}`} className={p.role === 'checked' ? 'checked' : undefined} data-role={p.role}>
          <span className={`pill ${p.role === 'checked' ? 'v-checked' : 'v-unknown'}`}>{label(p.role)}</span> <span className="place-text">{p.text.replace(/\s+/g, ' ')}</span>
          {p.parsed && summary(p) && !p.text.includes(summary(p)) && <span className="small"> · {summary(p)}</span>}
        </li>
      ))}
    </ul>
  );
}
