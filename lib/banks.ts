/**
 * The banks people name, each with one canonical name, the ways it is written, and its
 * official customer-service number where we are sure of it. A bank without a number here
 * gets advice to use the number printed on its own website or on the back of its card.
 */

export type BankGroup = 'state' | 'joint-stock' | 'city' | 'rural' | 'policy' | 'foreign';

export interface Bank {
  name: string;
  en: string;
  aliases: string[];
  hotline: string | null;
  group: BankGroup;
}

export const BANKS: Bank[] = [
  // The six large state-owned commercial banks.
  { name: '中国工商银行', en: 'ICBC', aliases: ['工商银行', '工行', 'ICBC'], hotline: '95588', group: 'state' },
  { name: '中国农业银行', en: 'Agricultural Bank of China', aliases: ['农业银行', '农行', 'ABC'], hotline: '95599', group: 'state' },
  { name: '中国银行', en: 'Bank of China', aliases: ['中行', 'BOC'], hotline: '95566', group: 'state' },
  { name: '中国建设银行', en: 'China Construction Bank', aliases: ['建设银行', '建行', 'CCB'], hotline: '95533', group: 'state' },
  { name: '交通银行', en: 'Bank of Communications', aliases: ['交行', 'BOCOM'], hotline: '95559', group: 'state' },
  { name: '中国邮政储蓄银行', en: 'Postal Savings Bank of China', aliases: ['邮政储蓄银行', '邮储银行', '邮政银行', '邮储', 'PSBC'], hotline: '95580', group: 'state' },
  // The twelve joint-stock commercial banks.
  { name: '招商银行', en: 'China Merchants Bank', aliases: ['招行', 'CMB'], hotline: '95555', group: 'joint-stock' },
  { name: '上海浦东发展银行', en: 'Shanghai Pudong Development Bank', aliases: ['浦发银行', '浦发', 'SPDB'], hotline: '95528', group: 'joint-stock' },
  { name: '中信银行', en: 'China CITIC Bank', aliases: [], hotline: '95558', group: 'joint-stock' },
  { name: '中国光大银行', en: 'China Everbright Bank', aliases: ['光大银行'], hotline: '95595', group: 'joint-stock' },
  { name: '华夏银行', en: 'Hua Xia Bank', aliases: [], hotline: '95577', group: 'joint-stock' },
  { name: '中国民生银行', en: 'China Minsheng Bank', aliases: ['民生银行'], hotline: '95568', group: 'joint-stock' },
  { name: '广发银行', en: 'China Guangfa Bank', aliases: ['广东发展银行'], hotline: '95508', group: 'joint-stock' },
  { name: '兴业银行', en: 'Industrial Bank', aliases: [], hotline: '95561', group: 'joint-stock' },
  { name: '平安银行', en: 'Ping An Bank', aliases: ['深圳发展银行', '深发展'], hotline: '95511', group: 'joint-stock' },
  { name: '浙商银行', en: 'China Zheshang Bank', aliases: [], hotline: '95527', group: 'joint-stock' },
  { name: '恒丰银行', en: 'Evergrowing Bank', aliases: [], hotline: '95395', group: 'joint-stock' },
  { name: '渤海银行', en: 'China Bohai Bank', aliases: [], hotline: '95541', group: 'joint-stock' },
  // The largest city commercial banks.
  { name: '北京银行', en: 'Bank of Beijing', aliases: [], hotline: '95526', group: 'city' },
  { name: '上海银行', en: 'Bank of Shanghai', aliases: [], hotline: '95594', group: 'city' },
  { name: '江苏银行', en: 'Bank of Jiangsu', aliases: [], hotline: '95319', group: 'city' },
  { name: '宁波银行', en: 'Bank of Ningbo', aliases: [], hotline: '95574', group: 'city' },
  { name: '南京银行', en: 'Bank of Nanjing', aliases: [], hotline: '95302', group: 'city' },
  { name: '杭州银行', en: 'Bank of Hangzhou', aliases: [], hotline: '95398', group: 'city' },
  { name: '徽商银行', en: 'Huishang Bank', aliases: [], hotline: '40088-96588', group: 'city' },
  { name: '成都银行', en: 'Bank of Chengdu', aliases: [], hotline: null, group: 'city' },
  { name: '长沙银行', en: 'Bank of Changsha', aliases: [], hotline: null, group: 'city' },
  { name: '重庆银行', en: 'Bank of Chongqing', aliases: [], hotline: null, group: 'city' },
  { name: '贵阳银行', en: 'Bank of Guiyang', aliases: [], hotline: null, group: 'city' },
  { name: '天津银行', en: 'Bank of Tianjin', aliases: [], hotline: null, group: 'city' },
  { name: '郑州银行', en: 'Bank of Zhengzhou', aliases: [], hotline: null, group: 'city' },
  { name: '青岛银行', en: 'Bank of Qingdao', aliases: [], hotline: null, group: 'city' },
  { name: '苏州银行', en: 'Bank of Suzhou', aliases: [], hotline: null, group: 'city' },
  { name: '厦门银行', en: 'Xiamen Bank', aliases: [], hotline: null, group: 'city' },
  { name: '齐鲁银行', en: 'Qilu Bank', aliases: [], hotline: null, group: 'city' },
  { name: '西安银行', en: "Bank of Xi'an", aliases: [], hotline: null, group: 'city' },
  { name: '广州银行', en: 'Bank of Guangzhou', aliases: [], hotline: null, group: 'city' },
  { name: '东莞银行', en: 'Bank of Dongguan', aliases: [], hotline: null, group: 'city' },
  { name: '汉口银行', en: 'Hankou Bank', aliases: [], hotline: null, group: 'city' },
  { name: '中原银行', en: 'Zhongyuan Bank', aliases: [], hotline: null, group: 'city' },
  { name: '河北银行', en: 'Bank of Hebei', aliases: [], hotline: null, group: 'city' },
  { name: '盛京银行', en: 'Shengjing Bank', aliases: [], hotline: null, group: 'city' },
  { name: '哈尔滨银行', en: 'Harbin Bank', aliases: [], hotline: null, group: 'city' },
  { name: '江西银行', en: 'Jiangxi Bank', aliases: [], hotline: null, group: 'city' },
  { name: '兰州银行', en: 'Bank of Lanzhou', aliases: [], hotline: null, group: 'city' },
  // The largest rural commercial banks and credit unions.
  { name: '重庆农村商业银行', en: 'Chongqing Rural Commercial Bank', aliases: ['重庆农商银行', '重庆农商行', '渝农商行'], hotline: '966866', group: 'rural' },
  { name: '北京农村商业银行', en: 'Beijing Rural Commercial Bank', aliases: ['北京农商银行', '北京农商行'], hotline: '96198', group: 'rural' },
  { name: '上海农村商业银行', en: 'Shanghai Rural Commercial Bank', aliases: ['上海农商银行', '上海农商行'], hotline: '021-962999', group: 'rural' },
  { name: '广州农村商业银行', en: 'Guangzhou Rural Commercial Bank', aliases: ['广州农商银行', '广州农商行'], hotline: '95313', group: 'rural' },
  { name: '成都农村商业银行', en: 'Chengdu Rural Commercial Bank', aliases: ['成都农商银行', '成都农商行'], hotline: null, group: 'rural' },
  { name: '深圳农村商业银行', en: 'Shenzhen Rural Commercial Bank', aliases: ['深圳农商银行', '深圳农商行'], hotline: null, group: 'rural' },
  { name: '东莞农村商业银行', en: 'Dongguan Rural Commercial Bank', aliases: ['东莞农商银行', '东莞农商行'], hotline: null, group: 'rural' },
  { name: '安徽农村信用社', en: 'Anhui Rural Credit Cooperatives', aliases: ['安徽农信', '安徽农金', '安徽省农村信用社', '安徽农村商业银行', '合肥科技农村商业银行', '合肥科技农商银行', '合肥农商银行', '合肥农商行'], hotline: '96669', group: 'rural' },
  { name: '浙江农村信用社', en: 'Zhejiang Rural Credit Cooperatives', aliases: ['浙江农信', '浙江省农村信用社'], hotline: '96596', group: 'rural' },
  // Policy banks, and foreign banks whose names stand on towers.
  { name: '国家开发银行', en: 'China Development Bank', aliases: ['国开行'], hotline: null, group: 'policy' },
  { name: '中国进出口银行', en: 'Export-Import Bank of China', aliases: ['进出口银行'], hotline: null, group: 'policy' },
  { name: '中国农业发展银行', en: 'Agricultural Development Bank of China', aliases: ['农业发展银行', '农发行'], hotline: null, group: 'policy' },
  { name: '汇丰银行', en: 'HSBC', aliases: ['HSBC'], hotline: null, group: 'foreign' },
  { name: '恒生银行', en: 'Hang Seng Bank', aliases: [], hotline: null, group: 'foreign' },
  { name: '东亚银行', en: 'Bank of East Asia', aliases: [], hotline: null, group: 'foreign' },
  { name: '渣打银行', en: 'Standard Chartered', aliases: [], hotline: null, group: 'foreign' },
  { name: '花旗银行', en: 'Citibank', aliases: [], hotline: null, group: 'foreign' },
];

/**
 * Names that stand for a kind of bank rather than one bank (农商银行, 信用社): a claim of
 * one of these is compatible with any bank of that group.
 */
export const GENERIC_BANKS: { alias: string; group: BankGroup; name: string }[] = [
  { alias: '农村商业银行', group: 'rural', name: '农村商业银行' },
  { alias: '农商银行', group: 'rural', name: '农村商业银行' },
  { alias: '农商行', group: 'rural', name: '农村商业银行' },
  { alias: '农村信用合作社', group: 'rural', name: '农村信用社' },
  { alias: '农村信用社', group: 'rural', name: '农村信用社' },
  { alias: '农信社', group: 'rural', name: '农村信用社' },
  { alias: '信用社', group: 'rural', name: '农村信用社' },
  { alias: '村镇银行', group: 'rural', name: '村镇银行' },
];

const byName = new Map<string, Bank>();
for (const b of BANKS) {
  byName.set(b.name, b);
  for (const a of b.aliases) byName.set(a, b);
}

/** The bank a name refers to, by canonical name or alias; undefined when unknown. */
export function findBank(name: string): Bank | undefined {
  return byName.get(name) ?? byName.get(name.toUpperCase());
}

/**
 * The canonical bank named in a free-form source label such as a manifest's
 * "安徽农村信用社（农商银行）": the longest known name it contains.
 */
export function canonicalBankOf(label: string): Bank | undefined {
  let best: Bank | undefined;
  let bestLen = 0;
  for (const [alias, bank] of byName) {
    if (alias.length > bestLen && label.includes(alias)) {
      best = bank;
      bestLen = alias.length;
    }
  }
  return best;
}

/**
 * The kind of bank a name says it is, for institutions outside the dictionary (the licence
 * registry's 四川旺苍农村商业银行, 宾阳北部湾村镇银行, 广西北部湾银行).
 */
export function groupOfName(name: string): BankGroup | undefined {
  if (/农村商业银行|农商银行|农商行|农村合作银行|信用合作联社|信用联社|信用社|村镇银行|资金互助社|联社$/.test(name)) return 'rural';
  if (/^(?:国家开发银行|中国进出口银行|中国农业发展银行)/.test(name)) return 'policy';
  if (/银行$/.test(name)) return 'city';
  return undefined;
}

export function bankGroupOf(name: string): BankGroup | undefined {
  return findBank(name)?.group ?? GENERIC_BANKS.find((g) => g.name === name)?.group ?? groupOfName(name);
}
