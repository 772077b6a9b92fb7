/**
 * The filters on a narrow screen (one column, below 50em — every phone): the results come first, the filters
 * wait behind 「筛选（N）」 (aria-expanded, aria-controls), which opens them in the results' place; 「查看 N 条结果」
 * (and Escape) closes them and returns to the results. Focus goes to the panel's heading on opening, to the results'
 * heading (or back to the button, after Escape) on closing. On a wide screen the filters stand beside the results and
 * neither button shows (the page's CSS), whatever the state.
 */
export class FilterPanel {
  private readonly root: HTMLElement;
  private readonly toggle: HTMLButtonElement | null;
  private readonly back: HTMLButtonElement | null;
  private readonly panel: HTMLElement | null;

  constructor(root: HTMLElement) {
    this.root = root;
    this.toggle = root.querySelector<HTMLButtonElement>('[data-filter-toggle]');
    this.back = root.querySelector<HTMLButtonElement>('[data-show-results]');
    this.panel = root.querySelector<HTMLElement>('[data-filters]');
  }

  wire(): void {
    const { toggle, back, panel } = this;
    if (!toggle || !back || !panel) return;
    toggle.addEventListener('click', () => (this.isOpen() ? this.close(toggle) : this.open()));
    back.addEventListener('click', () => this.close(this.root.querySelector<HTMLElement>('#search-results-heading')));
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.isOpen()) {
        e.preventDefault();
        this.close(toggle);
      }
    });
  }

  private isOpen(): boolean {
    return this.root.hasAttribute('data-filters-open');
  }

  private open(): void {
    this.root.setAttribute('data-filters-open', '');
    this.toggle?.setAttribute('aria-expanded', 'true');
    const heading = this.panel?.querySelector<HTMLElement>('h2');
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  private close(focusTo: HTMLElement | null): void {
    this.root.removeAttribute('data-filters-open');
    this.toggle?.setAttribute('aria-expanded', 'false');
    focusTo?.focus();
    focusTo?.scrollIntoView({ block: 'start' });
  }
}
