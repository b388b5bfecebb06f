/**
 * Outlet lists exported from other systems carry their templates' debris: 铜陵路路（街）169号,
 * 包河区区马鞍山路, 中北路101+号; and notes people would not type: pinyin in brackets
 * (亳(bo)州路), 原址/现址 notes, and full-width or dash variants in numbers (21－31号, 176—178号).
 * Cleaned before parsing, at import only, with the rules the parser reads a person's text by
 * (a dash is a dash, a bracketed note is no part of the address).
 */
const RULES: [RegExp, string][] = [
  // 现址：… after an old address: the current one is the address.
  [/^.*?(?:[（(]?现址[:：]|现地址[:：])\s*([^（()）]+)[）)]?.*$/, '$1'],
  [/[（(][^（()）]*(?:原址|旧址|现址|原为|原名|原地址)[^（()）]*[）)]/g, ''],
  [/(?:，|,|；|;)?\s*(?:原址|原地址|旧址)[:：][^（()）,，;；]*$/, ''],
  [/[（(]\s*[A-Za-z][A-Za-z\s]*[）)]/g, ''],
  // Notes of a move: （5月13日9：00回迁原址）, 自2019年7月4日9：00起迁回原址.
  [/[（(][^（()）]*(?:迁|搬)[^（()）]*[）)]/g, ''],
  [/自?\d{4}年\d{1,2}月[^，,；;]*(?:迁|搬)[^，,；;]*$/, ''],
  [/(\d)\s*[－—–―~～〜‐‑‒]+\s*(?=[\d甲乙附A-Za-z])/g, '$1-'],
  [/[（(]街[）)]/g, ''],
  [/(路|街|区)\1(?=[^区路街])/g, '$1'],
  [/(\d)\+(?=号)/g, '$1'],
  [/\s+/g, ' '],
];

export function cleanSourceAddress(address: string): string {
  let s = address;
  for (const [re, to] of RULES) s = s.replace(re, to);
  return s.trim();
}
