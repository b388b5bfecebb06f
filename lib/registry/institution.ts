import { BANKS, findBank, groupOfName, type BankGroup } from '../banks';
import { isNonBankCode } from './kind';

/**
 * The institution a licence belongs to, read from its 机构名称 and 机构编码: the legal name
 * before 股份有限公司 / 有限责任公司 (四川旺苍农村商业银行), or, for the co-operatives and
 * policy banks whose names carry no company form, the name up to the institution's own word
 * (元阳县农村信用合作联社, 中国农业发展银行). The large banks keep their canonical names.
 */

export interface Institution {
  /** The name the registry and the check use: canonical for the large banks, else the legal name. */
  name: string;
  /** The legal name as the licence writes it, before its company form. */
  legalName: string;
  /** The first five characters of 机构编码: kind of institution and its number. */
  codePrefix: string | null;
  group: BankGroup;
  /** A non-bank (finance company, trust, leasing, auto or consumer finance, asset or wealth management). */
  nonBank: boolean;
}

const COMPANY_FORM = /(?:股份有限公司|有限责任公司|股份公司|有限公司)/;
// Where a name without a company form ends its institution: the longest of these that it holds.
const INSTITUTION_END = /^(.*?(?:农村信用合作联社|农村信用联社|信用合作联社|联社|农村合作银行|农村资金互助社|邮政储汇局|银行|信托投资公司|公司))/;


export function legalNameOf(name: string): string {
  const n = name.trim().replace(/^简称[:：]/, '');
  const m = COMPANY_FORM.exec(n);
  if (m && m.index >= 2) return n.slice(0, m.index);
  const e = INSTITUTION_END.exec(n);
  return e ? e[1] : n;
}

function groupOf(legal: string, bankGroup: BankGroup | undefined): BankGroup {
  if (bankGroup) return bankGroup;
  const byName = groupOfName(legal);
  if (byName && byName !== 'city') return byName;
  if (/[（(]中国[)）]|韩国|日本|美国|英国|德国|法国|新加坡|香港|台湾|澳门|俄罗斯|华商银行|花旗|汇丰|渣打|东亚|恒生|星展|大华|华侨|三井|三菱|瑞穗|摩根|东方汇理|法国兴业|德意志/.test(legal)) return 'foreign';
  return 'city';
}

export function institutionOf(name: string, code: string | null): Institution {
  const legalName = legalNameOf(name);
  const codePrefix = code && /^[A-Z]\d{4}/.test(code) ? code.slice(0, 5) : null;
  const nonBank = isNonBankCode(code);
  // The large banks by their exact legal name only: 中国银行 is not 中国银行保险…
  // A foreign bank's Chinese subsidiary (东亚银行（中国）) is the bank people know.
  const plain = legalName.replace(/[（(]中国[)）]$/, '');
  const bank = nonBank ? undefined : findBank(plain) ?? (plain.startsWith('中国') ? undefined : findBank(`中国${plain}`));
  return { name: bank?.name ?? legalName, legalName, codePrefix, group: groupOf(legalName, bank?.group), nonBank };
}

const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
];
const PROVINCE_PREFIX = new RegExp(`^(?:${PROVINCES.join('|')})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?`);
const BARE_KIND = /^(?:农村商业银行|农商银行|农商行|村镇银行|农村合作银行|商业银行|银行|信用社|联社|农村信用合作联社)$/;

/**
 * The short forms people write for an institution that has no entry in the bank dictionary:
 * 四川旺苍农村商业银行 → 旺苍农村商业银行, 旺苍农商银行, 旺苍农商行; 广西北部湾银行 → 北部湾银行.
 * The caller keeps only the forms that name one institution.
 */
export function shortFormsOf(legalName: string, shortNames: string[] = []): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const t = s.trim();
    if (t.length >= 4 && !BARE_KIND.test(t) && t !== legalName) out.add(t);
  };
  const bases = [legalName];
  const noProvince = legalName.replace(PROVINCE_PREFIX, '');
  if (noProvince !== legalName && noProvince.length >= 4) bases.push(noProvince);
  for (const b of bases) {
    add(b);
    if (b.endsWith('农村商业银行')) {
      const stem = b.slice(0, -'农村商业银行'.length);
      if (stem.length >= 2) {
        add(`${stem}农商银行`);
        add(`${stem}农商行`);
      }
    }
    if (b.endsWith('农村信用合作联社')) {
      const stem = b.slice(0, -'农村信用合作联社'.length);
      if (stem.length >= 2) {
        add(`${stem}农村信用社`);
        add(`${stem}信用社`);
        add(`${stem}农信社`);
        add(`${stem}联社`);
      }
    }
  }
  // 机构简称 of the institution's own offices: 盂县农商银行西烟分理处 → 盂县农商银行.
  for (const s of shortNames) {
    const m = /^(.{2,}?(?:农商银行|农商行|村镇银行|农村合作银行|合作银行|信用联社|联社|银行))/.exec(s.replace(/^简称[:：]/, ''));
    if (m) add(m[1]);
  }
  return [...out];
}

/** Every name and alias of the banks in the dictionary: institutions may not take these. */
export const DICTIONARY_NAMES = new Set(BANKS.flatMap((b) => [b.name, ...b.aliases]));
