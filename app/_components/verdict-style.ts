import type { Verdict } from '@/lib/check';

/** How a verdict looks: a class for its colour and a sign that reads without colour. */
export const VERDICT_STYLE: Record<Verdict, { cls: string; icon: string }> = {
  registered_branch: { cls: 'v-good', icon: '✓' },
  office_floor: { cls: 'v-bad', icon: '✕' },
  not_registered: { cls: 'v-bad', icon: '✕' },
  bank_mismatch: { cls: 'v-warn', icon: '!' },
  not_covered: { cls: 'v-unknown', icon: '?' },
  insufficient: { cls: 'v-unknown', icon: '?' },
};
