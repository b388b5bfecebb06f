/** A sticky (`y`) regular expression tried at exactly position i of the text. */
export function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}
