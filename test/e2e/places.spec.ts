import { expect, test } from '@playwright/test';

// A message as intermediaries write them (issue 11): an old and a new address over several
// lines, a landmark, a virtual-operator number and a fee asked for.
const MESSAGE = '【建设银行】您好 我行原地址深圳市福田区样板街36号已搬迁，\n新地址：深圳市福田区演示大道88号\n示例金融大厦18楼1803室（区政府对面）\n联系王经理17012345678，先交手续费';
const enc = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
let n = 0;
const client = () => ({ 'x-forwarded-for': `203.0.113.${(n++ % 250) + 1}` });

test('the result page shows each place found and which one was checked, line breaks as sent', async ({ page }) => {
  await page.goto(`/r?t=${enc(MESSAGE)}`);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'office_floor');
  // The places are with the text as received, in a section a person opens.
  await page.getByTestId('received-section').locator('summary').click();
  const places = page.getByTestId('places');
  await expect(places.locator('li[data-role=checked]')).toContainText('演示大道88号');
  await expect(places.locator('li[data-role=old]')).toContainText('样板街36号');
  await expect(places.locator('li[data-role=landmark]')).toContainText('区政府对面');
  // The message keeps its lines.
  expect(await page.locator('.received').innerText()).toContain('\n');
  await expect(page.getByTestId('steps')).toContainText('12321');
  await expect(page.getByTestId('steps')).toContainText('96110');
});

test('the API takes a message with its line breaks and says which place it checked', async ({ request }) => {
  const res = await request.post('/api/check', { headers: { 'content-type': 'application/json', ...client() }, data: { text: MESSAGE } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.input).toBe(MESSAGE);
  expect(body.verdict).toBe('office_floor');
  expect(body.parsed).toMatchObject({ road: '演示大道', roadNo: '88号', floors: [18], room: '1803' });
  expect(body.places.find((p: { role: string }) => p.role === 'checked').text).toContain('演示大道88号');
  expect(body.places.find((p: { role: string }) => p.role === 'old').parsed).toMatchObject({ road: '样板街', roadNo: '36号' });
  expect(body.steps.map((s: { code: string }) => s.code)).toEqual(['report_12321', 'call_96110']);
  expect(body.signals.map((s: { code: string }) => s.code)).toContain('virtual_number');
});
