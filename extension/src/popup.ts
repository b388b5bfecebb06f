import { checkOnServer, MAX_TEXT } from './api';
import { localizePage, t } from './i18n';
import { failureText, renderAnswer } from './render';
import { PENDING_KEY, type Pending } from './pending';
import { currentServer } from './settings';

/**
 * The toolbar popup (also opened by the context menu): a text box, a button, the result.
 * Nothing is sent until the button is pressed, or the person chose "核验银行网点地址" on a
 * selection, which the background leaves here in session storage.
 */
const form = document.querySelector<HTMLFormElement>('#check-form')!;
const box = document.querySelector<HTMLTextAreaElement>('#text')!;
const button = document.querySelector<HTMLButtonElement>('#submit')!;
const out = document.querySelector<HTMLElement>('#result')!;
const serverLine = document.querySelector<HTMLElement>('#server')!;
const truncated = document.querySelector<HTMLElement>('#truncated')!;

/** A text over the limit is cut to it, and the popup says so (the address may have been at its end). */
function fitBox(): void {
  const over = box.value.length > MAX_TEXT;
  if (over) box.value = box.value.slice(0, MAX_TEXT);
  truncated.hidden = !over;
}

function show(...nodes: (Node | string)[]): void {
  out.replaceChildren(...nodes);
}

function problem(message: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  return p;
}

async function run(text: string): Promise<void> {
  const value = text.trim();
  if (!value) return show(problem(t('errorEmpty')));
  if (value.length > MAX_TEXT) return show(problem(t('errorLong')));
  // (A paste is cut to MAX_TEXT as it arrives, and the popup says so: see fitBox.)
  const server = await currentServer();
  button.disabled = true;
  const busy = document.createElement('p');
  busy.className = 'busy';
  busy.textContent = t('checking');
  show(busy);
  try {
    const outcome = await checkOnServer(server, value);
    show(outcome.ok ? renderAnswer(outcome.answer) : problem(failureText(outcome, server)));
    // With an answer, the text box shrinks so that the answer fits the popup without scrolling.
    document.body.classList.toggle('answered', outcome.ok);
  } finally {
    button.disabled = false;
  }
}

// New text: the old result no longer answers it.
box.addEventListener('input', () => {
  fitBox();
  if (out.childElementCount) show();
  document.body.classList.remove('answered');
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run(box.value);
});
box.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
});
document.querySelector('#settings')!.addEventListener('click', (e) => {
  e.preventDefault();
  void chrome.runtime.openOptionsPage();
});

async function start(): Promise<void> {
  localizePage();
  const server = await currentServer();
  serverLine.textContent = t('serverLine', server);
  // A selection sent from the context menu in the last minute: check it now.
  const got = await chrome.storage.session.get(PENDING_KEY);
  const pending = got[PENDING_KEY] as Pending | undefined;
  if (pending && Date.now() - pending.at < 60_000) {
    await chrome.storage.session.remove(PENDING_KEY);
    box.value = pending.text;
    fitBox();
    await run(box.value);
  } else box.focus();
}

void start();
