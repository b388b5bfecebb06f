import { describe, expect, test } from 'vitest';
import type { Division, NameEntry, NameKind } from '../../lib/parse/divisions';
import { buildTrie, namesIn } from '../../lib/parse/divisions/trie';
import { UNKNOWN_CHAR as U } from '../../lib/normalize/text';

const division = (code: string, name: string): Division => ({ code, name, level: 'district', provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4) });
const entry = (code: string, name: string, kind: NameKind): NameEntry => ({ division: division(code, name), kind });

// A few names as the index holds them: full names, a short form, an alias.
const names = new Map<string, NameEntry[]>([
  ['西湖区', [entry('330106', '西湖区', 'full')]],
  ['西湖', [entry('330106', '西湖区', 'short')]],
  ['城中区', [entry('450202', '城中区', 'full'), entry('630103', '城中区', 'full')]],
  ['城中', [entry('450202', '城中区', 'short')]],
  ['江城县', [entry('530826', '江城哈尼族彝族自治县', 'alias')]],
  ['江城', [entry('530826', '江城哈尼族彝族自治县', 'short')]],
]);
const trie = buildTrie(names);

/** Each name read at p, as length:codes. */
const read = (text: string, p = 0, to = text.length) =>
  namesIn(trie, text, p, to).map((m) => `${m.len}:${m.entries.map((e) => `${e.division.code}/${e.kind}`).join(',')}`);

describe('names the trie reads off a text, longest first', () => {
  test.each([
    ['西湖区文三路', 0, undefined, ['3:330106/full', '2:330106/short']],
    ['西湖文化广场', 0, undefined, ['2:330106/short']],
    ['杭州西湖区', 2, undefined, ['3:330106/full', '2:330106/short']],
    ['西湖区', 0, 2, ['2:330106/short']], // not beyond `to`
    ['城中区人民路', 0, undefined, ['3:450202/full,630103/full', '2:450202/short']],
    ['东湖区', 0, undefined, []],
    ['西', 0, undefined, []], // one character is no name
  ])('%s from %i to %s → %j', (text, p, to, expected) => {
    expect(read(text, p, to)).toEqual(expected);
  });
});

describe('an unreadable character stands for any one, in names of three or more, full or alias', () => {
  test.each([
    [`${U}湖区`, ['3:330106/full']], // first character unreadable: found through the second
    [`西${U}区`, ['3:330106/full']], // the short 西湖 would need the wildcard as one of two
    [`${U}城县`, ['3:530826/alias']],
    [`江${U}县`, ['3:530826/alias']],
    [`${U}中区`, ['3:450202/full,630103/full']],
    [`${U}${U}区`, []], // two unreadable characters: nothing
    [`${U}湖`, []], // only two characters
    [`西湖${U}`, ['3:330106/full', '2:330106/short']], // completes the name; the exact part reads too
    [`西${U}`, []],
  ])('%s → %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

test('the root indexes first-level nodes by second character', () => {
  expect([...trie.bySecond!.keys()].sort()).toEqual(['中', '城', '湖'].sort());
  expect(trie.bySecond!.get('湖')).toEqual([trie.next.get('西')!.next.get('湖')]);
});
