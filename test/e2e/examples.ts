/**
 * One text for each verdict, against the demo registry (data/demo: made-up outlets in real
 * districts). The demo's 中国建设银行深圳演示大道支行 is on floors 1-2 of
 * 示例金融大厦, 演示大道88号, 福田区.
 */
export const EXAMPLES = {
  registered_branch: '建设银行 深圳市福田区演示大道88号示例金融大厦一楼',
  office_floor: '我是建设银行信贷经理王工，请明天上午到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同，先交3%手续费。',
  bank_mismatch: '工商银行贷款中心：请到深圳市福田区演示大道88号示例金融大厦1楼办理',
  not_registered: '【建行】您的额度已批，请到深圳市福田区演示大道200号面签',
  not_covered: '平安银行 深圳市福田区演示大道300号8楼',
  insufficient: '您好，您在我行的贷款额度已审批通过，请尽快联系王经理办理',
} as const;

export type Verdict = keyof typeof EXAMPLES;

export const enc = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
export const resultPath = (s: string) => `/r?t=${enc(s)}`;
