/**
 * Outlet lists exported from other systems carry their templates' debris: 铜陵路路（街）169号,
 * 包河区区马鞍山路, 中北路101+号. Cleaned before parsing, at import only: a person's text is
 * parsed as they wrote it.
 */
const RULES: [RegExp, string][] = [
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
