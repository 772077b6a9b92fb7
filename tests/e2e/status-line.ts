/** The status line an item page leads with (its <p class="item-status">), as its reader sees it, from the page's HTML. */
export function statusLineOf(html: string): string {
  const line = /<p class="item-status[^"]*"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return line.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').replace(/ · /g, '·').replace(/ ?· ?/g, ' · ').trim();
}
