import { VERDICT_TONE } from '../../lib/check/verdicts';
import type { CheckAnswer, CheckOutcome } from './api';
import { english, t } from './i18n';

/** A DOM element with text only: nothing from the server or the page is ever parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

/** The result: the verdict banner, the key evidence, the official number, a link to the full page. */
export function renderAnswer(a: CheckAnswer): HTMLElement {
  const en = english();
  const style = VERDICT_TONE[a.verdict];
  const reason = a.reasons.find((r) => r.code !== 'demo_registry');
  const top = a.matches[0];
  const bankName = a.callBank ? (en ? a.callBank.en ?? a.callBank.name : a.callBank.name) : null;
  const tel = a.callBank?.hotline?.replace(/[^\d]/g, '');
  // The reason without the bank named twice: 中国建设银行「中国建设银行深圳演示大道支行」 reads 「中国建设银行深圳演示大道支行」.
  const said = reason ? (en ? reason.messageEn : reason.message) : null;
  const why = said && !en && top ? said.replace(`${top.bank}「${top.bank}`, `「${top.bank}`) : said;
  // In the order a person acts on: what it is, why, the warnings, the number to call, the full page; then the outlet.
  return el(
    'div',
    { class: 'answer' },
    a.registry.demo && el('p', { class: 'demo', role: 'note' }, t('demo')),
    el(
      'section',
      { class: `verdict ${style.tone}`, 'data-verdict': a.verdict, role: 'status' },
      el('p', { class: 'title' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, style.icon), el('span', { class: 'words' }, t(`verdict_${a.verdict}`))),
      why && el('p', { class: 'reason', 'data-testid': 'why' }, why),
    ),
    a.signals.length > 0 &&
      el('div', { class: 'signals', 'data-testid': 'signals' }, el('div', { class: 'label' }, `⚠ ${t('signals')}`), el('ul', {}, ...a.signals.map((s) => el('li', { 'data-signal': s.code }, en ? s.messageEn : s.message)))),
    bankName && (tel ? el('a', { class: 'call', href: `tel:${tel}` }, `☎ ${t('callBank', bankName, a.callBank!.hotline!)}`) : el('p', { class: 'call-note' }, t('callBankNoNumber', bankName))),
    el('a', { class: 'full', href: a.shareUrl, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'full-result' }, `${t('openFullShort')} →`),
    top && el('div', { class: 'outlet', 'data-testid': 'outlet' }, el('div', { class: 'label' }, t('registeredOutlet')), el('div', {}, `${top.bank} · ${top.name}`), el('div', { class: 'addr' }, top.address)),
    (a.verdict === 'office_floor' || a.verdict === 'not_registered' || a.verdict === 'bank_mismatch') && el('p', { class: 'never' }, t('neverAsk')),
  );
}

/** The words for a failed check, naming the server so a person can tell what to fix. */
export function failureText(outcome: Exclude<CheckOutcome, { ok: true }>, server: string): string {
  switch (outcome.kind) {
    case 'unreachable':
      return t('errorUnreachable', server);
    case 'timeout':
      return t('errorTimeout', server);
    case 'bad_answer':
      return t('errorBadAnswer', server);
    case 'refused':
      if (outcome.status === 429) return t('errorRateLimited');
      if (outcome.code === 'empty') return t('errorEmpty');
      if (outcome.code === 'too_long' || outcome.status === 413) return t('errorLong');
      return t('errorRefused', String(outcome.status), outcome.message);
  }
}
