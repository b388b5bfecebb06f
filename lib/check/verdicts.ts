/** The six verdicts, in one dependency-free module (the browser extension imports it too). */
export const VERDICTS = ['registered_branch', 'office_floor', 'bank_mismatch', 'not_registered', 'not_covered', 'insufficient'] as const;
export type Verdict = (typeof VERDICTS)[number];
