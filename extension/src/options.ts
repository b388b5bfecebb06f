import { localizePage, t } from './i18n';
import { checkServer, DEFAULT_SERVER, DEV_SERVER, originPattern } from './server';
import { currentServer } from './settings';

/** The options page: the checking server's address, validated; access asked for that server only. */
const form = document.querySelector<HTMLFormElement>('#options-form')!;
const input = document.querySelector<HTMLInputElement>('#server')!;
const note = document.querySelector<HTMLElement>('#note')!;
let saved = DEFAULT_SERVER;

function say(text: string, kind: 'ok' | 'error' | 'info'): void {
  note.textContent = text;
  note.className = kind;
  note.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function save(value: string): void {
  const c = checkServer(value);
  if (!c.ok) return say(t(`problem_${c.problem}`), 'error');
  // Asked at once, inside the click: browsers grant permission requests only from a person's
  // own gesture. The built-in server's access comes with the extension; any other server's is
  // asked for here, and the one before is given back, so access is to the chosen server only.
  // Said at once: an old error goes, and the person sees the click was taken.
  say(t('optionsSaving'), 'info');
  const pattern = originPattern(c.origin);
  const builtIn = originPattern(DEFAULT_SERVER);
  const asked: Promise<boolean> = pattern === builtIn ? Promise.resolve(true) : chrome.permissions.request({ origins: [pattern] }).catch(() => false);
  void asked.then(async (granted) => {
    const before = originPattern(saved);
    if (before !== builtIn && before !== pattern) await chrome.permissions.remove({ origins: [before] }).catch(() => false);
    await chrome.storage.sync.set({ server: c.origin });
    saved = c.origin;
    input.value = c.origin;
    say(granted ? t('optionsSaved', c.origin) : `${t('optionsSaved', c.origin)} ${t('optionsPermissionNote')}`, granted ? 'ok' : 'info');
  }).catch((err: unknown) => say(String(err instanceof Error ? err.message : err), 'error'));
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  save(input.value);
});
document.querySelector('#reset')!.addEventListener('click', () => save(DEFAULT_SERVER));

localizePage();
document.querySelector('#help')!.textContent = t('optionsServerHelp', DEFAULT_SERVER, DEV_SERVER);
void currentServer().then((s) => {
  saved = s;
  input.value = s;
});
