/**
 * A kind of change in plain words, and the way in (/changes/{group}/) it belongs to. Built from the model's
 * fields only: a level or department the source does not give is not named.
 */
import { ACTIONS, CHANGE_PRESETS, LEVELS, type ChangeGroup } from '../domain/glossary.ts';
import type { ChangeSpec, ChangeValue } from '../schemas/change.ts';

/** A preset code (cancelled …) as the change it stands for; a full description as it is. */
export function resolveChange(value: ChangeValue): ChangeSpec {
  return typeof value === 'string' ? { ...CHANGE_PRESETS[value].spec } : value;
}

/** The row's own change over the table's (a row may name only what differs, e.g. just `to`). */
export function rowChange(table: ChangeValue | undefined, row: ChangeValue | undefined): ChangeSpec {
  const base = table === undefined ? undefined : resolveChange(table);
  const own = row === undefined ? undefined : resolveChange(row);
  if (!own) return base!;
  return base && own.action === base.action ? { ...base, ...own } : own;
}

const ABOVE = new Set(['state', 'province', 'city']);

/** The way in a citizen takes to this item. `remark` keeps 取消…改为备案 (said only in 备注) with 改为备案. */
export function changeGroupOf(spec: ChangeSpec, remark?: string | null): ChangeGroup {
  switch (spec.action) {
    case 'cancel':
      if (spec.by && ABOVE.has(spec.by)) return 'cancelled-above';
      return remark?.includes('改为备案') ? 'cancelled-to-filing' : 'cancelled';
    case 'to-filing':
      return 'cancelled-to-filing';
    case 'take-over':
      return spec.to && ABOVE.has(spec.to) ? 'taken-over-above' : 'taken-over';
    case 'partial-cancel':
      return 'partially-cancelled';
    case 'delegate':
      return 'delegated';
    case 'partial-delegate':
      return 'partially-delegated';
    case 'entrust':
      return 'entrusted';
    case 'recall':
      return 'recalled';
    case 'adjust':
      return 'adjusted';
    case 'merge':
      return 'merged';
    case 'add':
      return 'added';
    case 'rename':
      return 'renamed';
    case 'empower':
      return 'empowered';
  }
}

/**
 * The change in words, from the model's fields only: who decided (a level above the county), the verb, and where the
 * power went (the row's receiving department, else the table's). `done` words it as a status (已下放至…).
 */
function changeWords(spec: ChangeSpec, receiver: string | null | undefined, done: boolean): string {
  const by = spec.by && spec.by !== 'county' ? LEVELS[spec.by].decider : '';
  const where = receiver ?? spec.toDepartment ?? (spec.to ? LEVELS[spec.to].level : undefined);
  const already = done ? '已' : '';
  const verb = already + ACTIONS[spec.action].verb;
  switch (spec.action) {
    case 'delegate':
    case 'partial-delegate':
      return `${by}${verb}${where ? `至${where}` : ''}`;
    case 'empower':
      return `${by}${verb}${where ? `给${where}` : ''}`;
    case 'entrust':
      return `${by}${verb}${where ? `${where}实施` : ''}`;
    case 'take-over':
      return where ? `${already}由${where}${ACTIONS[spec.action].verb}` : verb;
    case 'adjust':
    case 'merge':
    case 'rename':
      return `${by}${verb}${spec.into ? `为${spec.into}` : ''}`;
    default:
      return `${by}${verb}`;
  }
}

/**
 * The change in plain words: 取消 · 省级取消 · 下放至设区的市级人民政府指定部门 · 委托乡镇（街道）实施 · 由省级承接 ·
 * 调整为行政确认. `receiver` is the row's receiving department as printed, when its table has that column.
 */
export function changeSentence(spec: ChangeSpec, receiver?: string | null): string {
  return changeWords(spec, receiver, false);
}

/** What a table's change is called on its page: the preset's printed wording, else the change in plain words. */
export function tableChangeText(change: ChangeValue | undefined): string {
  if (change === undefined) return '各项分别列明';
  return typeof change === 'string' ? CHANGE_PRESETS[change].long : changeSentence(change);
}

/**
 * What happened, as a status a citizen reads first: 已取消 · 取消许可，改为备案 · 省级已取消 · 已下放至… · 已委托…实施 ·
 * 已由省级承接. `filing` marks a cancellation the source says became a filing (备注 改为备案).
 */
export function statusWhat(spec: ChangeSpec, receiver?: string | null, licence = false): string {
  if (spec.action === 'to-filing') return `取消${licence ? '许可' : ''}，改为备案`;
  return changeWords(spec, receiver, true);
}
