import examples from '../../data/demo/examples.json';

/**
 * One text for each verdict, against the demo registry (data/demo: made-up outlets in real
 * districts), the same the home page offers. The demo's 中国建设银行深圳演示大道支行 is on
 * floors 1-2 of 示例金融大厦, 演示大道88号, 福田区.
 */
export const EXAMPLES = {
  registered_branch: examples.registered_branch,
  office_floor: examples.office_floor,
  bank_mismatch: examples.bank_mismatch,
  not_registered: examples.not_registered,
  not_covered: examples.not_covered,
  insufficient: examples.insufficient,
} as const;

export type Verdict = keyof typeof EXAMPLES;

export const enc = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
export const resultPath = (s: string) => `/r?t=${enc(s)}`;

/** Open a result page's map section (closed on arrival, so that its code loads only then). */
export async function openMap(page: import('@playwright/test').Page): Promise<void> {
  await page.getByTestId('map-section').locator('summary').click();
}

/** Open every closed section of evidence of a result page (the map's too). */
export async function openSections(page: import('@playwright/test').Page): Promise<void> {
  const summaries = page.locator('details.fold > summary, details.map-section > summary');
  for (const summary of await summaries.all()) {
    if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
  }
}
