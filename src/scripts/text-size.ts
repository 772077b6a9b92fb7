/**
 * The larger-text switch: the html element carries `text-large` when on; the choice persists in localStorage
 * so every page opens at the size the reader chose.
 */
export const TEXT_SIZE_KEY = 'gongkai:text-size';
export const TEXT_LARGE_CLASS = 'text-large';

function read(storage: Storage | undefined): boolean {
  try {
    return storage?.getItem(TEXT_SIZE_KEY) === 'large';
  } catch {
    return false; // storage blocked: the switch still works for this page
  }
}

function write(storage: Storage | undefined, large: boolean): void {
  try {
    storage?.setItem(TEXT_SIZE_KEY, large ? 'large' : 'normal');
  } catch {
    /* storage blocked or full: the choice lasts for this page only */
  }
}

export function initTextSize(doc: Document, storage: Storage | undefined = doc.defaultView?.localStorage): void {
  const root = doc.documentElement;
  const buttons = [...doc.querySelectorAll<HTMLButtonElement>('[data-text-size]')];
  const apply = (large: boolean) => {
    root.classList.toggle(TEXT_LARGE_CLASS, large);
    for (const b of buttons) b.setAttribute('aria-pressed', String(large));
  };
  apply(read(storage));
  for (const b of buttons) {
    b.hidden = false;
    b.addEventListener('click', () => {
      const large = !root.classList.contains(TEXT_LARGE_CLASS);
      apply(large);
      write(storage, large);
    });
  }
}
