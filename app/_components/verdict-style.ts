import { VERDICT_TONE, VERDICTS, type Verdict } from '@/lib/check/verdicts';

/** How a verdict looks on the site: the tone's class (v-good, v-bad…) and its sign. */
export const VERDICT_STYLE = Object.fromEntries(VERDICTS.map((v) => [v, { cls: `v-${VERDICT_TONE[v].tone}`, icon: VERDICT_TONE[v].icon }])) as Record<Verdict, { cls: string; icon: string }>;
