/** The six verdicts, in one dependency-free module (the browser extension imports it too). */
export const VERDICTS = ['registered_branch', 'office_floor', 'bank_mismatch', 'not_registered', 'not_covered', 'insufficient'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How each verdict reads at a glance, in every face: a tone for its colour and a sign that reads without colour. */
export const VERDICT_TONE: Record<Verdict, { tone: 'good' | 'bad' | 'warn' | 'unknown'; icon: string }> = {
  registered_branch: { tone: 'good', icon: '✓' },
  office_floor: { tone: 'bad', icon: '✕' },
  not_registered: { tone: 'bad', icon: '✕' },
  bank_mismatch: { tone: 'warn', icon: '!' },
  not_covered: { tone: 'unknown', icon: '?' },
  insufficient: { tone: 'unknown', icon: '?' },
};
