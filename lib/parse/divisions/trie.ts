import { UNKNOWN_CHAR } from '../../normalize/text';
import type { NameEntry } from './index';

/**
 * Division names as a character trie, so that every name a text spells at one position is
 * read in a single walk, longest first; an unreadable character stands for any one character.
 */
export interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: NameEntry[];
  /** At the root only: second character → the first-level nodes that continue with it. */
  bySecond?: Map<string, TrieNode[]>;
}

export interface NameMatch {
  len: number;
  entries: NameEntry[];
}

/** The trie of every written form, in the order the names were entered. */
export function buildTrie(names: Map<string, NameEntry[]>): TrieNode {
  const trie: TrieNode = { next: new Map() };
  for (const [name, entries] of names) {
    let node = trie;
    for (const c of name) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.entries = entries;
  }
  // An unreadable first character ("[UNK]城县") is matched through its second one.
  trie.bySecond = new Map();
  for (const first of trie.next.values()) {
    for (const [c, second] of first.next) {
      const list = trie.bySecond.get(c);
      if (list) list.push(second);
      else trie.bySecond.set(c, [second]);
    }
  }
  return trie;
}

const NO_MATCHES: NameMatch[] = [];

/**
 * Every name of the trie the text spells from p (at most to), longest first. An unreadable
 * character matches any one character, once per name and never as one of only two.
 */
export function namesIn(root: TrieNode, text: string, p: number, to: number): NameMatch[] {
  const first = text[p];
  if (first !== UNKNOWN_CHAR && !root.next.has(first)) return NO_MATCHES;
  const out: NameMatch[] = [];
  // Walk down exactly until an unreadable character, if any.
  let node: TrieNode | undefined = root;
  let q = p;
  if (first === UNKNOWN_CHAR) {
    // Go straight to the nodes whose second character is the one written.
    if (p + 1 >= to || text[p + 1] === UNKNOWN_CHAR) return NO_MATCHES;
    for (const n of root.bySecond?.get(text[p + 1]) ?? []) followWild(n, p + 2);
  } else {
    for (; q < to && node; q++) {
      if (text[q] === UNKNOWN_CHAR) {
        for (const n of node.next.values()) followWild(n, q + 1);
        break;
      }
      node = node.next.get(text[q]);
      if (node?.entries && q + 1 - p >= 2) out.push({ len: q + 1 - p, entries: node.entries });
    }
  }
  if (out.length < 2) return out;
  // Longest first; one list per length (a wildcard can reach the same length twice).
  out.sort((a, b) => b.len - a.len);
  const merged: NameMatch[] = [];
  for (const m of out) {
    const last = merged[merged.length - 1];
    if (last && last.len === m.len) last.entries = [...last.entries, ...m.entries];
    else merged.push({ ...m });
  }
  return merged;

  // After the wildcard, the rest must match exactly; only full names and aliases count, and
  // only names of three characters or more.
  function followWild(start: TrieNode, from: number) {
    let n: TrieNode | undefined = start;
    for (let k = from; ; k++) {
      if (n.entries && k - p >= 3) {
        const entries = n.entries.filter((e) => e.kind === 'full' || e.kind === 'alias');
        if (entries.length) out.push({ len: k - p, entries });
      }
      if (k >= to || text[k] === UNKNOWN_CHAR) return;
      n = n.next.get(text[k]);
      if (!n) return;
    }
  }
}
