/**
 * The status line an item page, a list row and a search result lead with: what happened, since when, by which
 * document — 「已取消 · 成文日期 2021年2月20日 · 嘉政发〔2021〕2号 附件1」. Built from the model's fields only: a
 * notice that states no date of effect is dated by its 成文日期, and says so.
 */
import { attachmentLabel } from '../domain/glossary.ts';
import { formatChineseDate } from '../domain/patterns.ts';
import { statusWhat } from './change.ts';
import type { ItemEntry } from '../schemas/item.ts';
import type { Notice } from '../schemas/notice.ts';

export interface ItemStatus {
  /** 已取消 / 取消许可，改为备案 / 已下放至… */
  what: string;
  /** 2021年3月1日起 (施行日期) or 成文日期 2021年2月20日 */
  since: string;
  /** 嘉政发〔2021〕2号 附件1 */
  source: string;
  /** The three joined with “ · ”. */
  line: string;
}

/** The status of an item without its notice: what happened (a list row's 调整方式 cell). */
export function itemStatusWhat(item: Pick<ItemEntry, 'change' | 'changeGroup' | 'receiver' | 'type'>): string {
  const spec = item.changeGroup === 'cancelled-to-filing' ? { ...item.change, action: 'to-filing' as const } : item.change;
  return statusWhat(spec, item.receiver, item.type === 'license');
}

export function itemStatus(
  item: Pick<ItemEntry, 'change' | 'changeGroup' | 'receiver' | 'type' | 'tableNumber'>,
  notice: Pick<Notice, 'docNumber' | 'signedDate' | 'effectiveDate'>,
): ItemStatus {
  const what = itemStatusWhat(item);
  const since = notice.effectiveDate ? `${formatChineseDate(notice.effectiveDate)}起` : `成文日期 ${formatChineseDate(notice.signedDate)}`;
  const source = `${notice.docNumber} ${attachmentLabel(item.tableNumber)}`;
  return { what, since, source, line: [what, since, source].join(' · ') };
}
