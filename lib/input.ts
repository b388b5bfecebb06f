/**
 * What every entry point (command line, API, extension) accepts as a text to check, and the
 * one error it answers otherwise. Messages are in Chinese and English because they reach
 * people, not only programs.
 */

export const INPUT_ERROR_CODES = ['empty', 'too_long', 'binary', 'invalid_utf8'] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

export interface InputError {
  code: InputErrorCode;
  message: string;
}

/** Longest text we read: a long WeChat message is a few hundred characters. */
export const MAX_TEXT_LENGTH = 2000;

const MESSAGES: Record<InputErrorCode, string> = {
  empty: '没有内容：请粘贴收到的地址或整条消息。 / Empty: paste the address or the whole message you received.',
  too_long: `内容太长（最多 ${MAX_TEXT_LENGTH} 个字）：请只粘贴地址或那一条消息。 / Too long (at most ${MAX_TEXT_LENGTH} characters): paste only the address or that one message.`,
  binary: '这不是文字：请粘贴地址或消息的文字。 / Not text: paste the words of the address or message.',
  invalid_utf8: '文字编码有误（不是 UTF-8）：请重新复制粘贴。 / The text is not valid UTF-8: copy and paste it again.',
};

export function inputError(code: InputErrorCode): InputError {
  return { code, message: MESSAGES[code] };
}

/** Control characters other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export type Checked = { ok: true; text: string } | { ok: false; error: InputError };

/** Validate a decoded text: not blank, not too long, not binary. */
export function checkText(text: string): Checked {
  if (text.length > MAX_TEXT_LENGTH) return { ok: false, error: inputError('too_long') };
  // A lone surrogate (a JSON "\ud800" escape) is no character: UTF-8 cannot carry it either.
  if (/\p{Cs}/u.test(text)) return { ok: false, error: inputError('invalid_utf8') };
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, error: inputError('empty') };
  const controls = trimmed.match(CONTROL)?.length ?? 0;
  if (controls > 0 && (controls >= 3 || controls / trimmed.length > 0.05 || trimmed.includes('\u0000'))) {
    return { ok: false, error: inputError('binary') };
  }
  // Mostly replacement characters means bytes decoded leniently from something not text.
  const replaced = trimmed.match(/\uFFFD/g)?.length ?? 0;
  if (replaced > 0 && replaced / trimmed.length > 0.3) return { ok: false, error: inputError('binary') };
  return { ok: true, text: trimmed };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode one line of bytes strictly, then validate it. */
export function checkBytes(bytes: Uint8Array): Checked {
  if (bytes.length > MAX_TEXT_LENGTH * 4) return { ok: false, error: inputError('too_long') };
  if (bytes.includes(0)) return { ok: false, error: inputError('binary') };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, error: inputError('invalid_utf8') };
  }
  return checkText(text);
}
