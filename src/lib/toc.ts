/**
 * The table of contents of a work plan: the body's own headings (一、总体要求 …) with the plan's tasks
 * （一）…（九） nested under the heading that introduces them (主要任务), each task linking to #task-N.
 */
import type { Task } from '../schemas/task.ts';

export interface HeadingLike {
  depth: number;
  slug: string;
  text: string;
}

/** What the contents need of a task (a Task from src/schemas/task.ts fits). */
export type TaskLike = Pick<Task, 'number' | 'title' | 'role' | 'departments'>;

export interface TocEntry {
  href: string;
  label: string;
  /** For a task: who is responsible, as printed (“责任部门：…”). */
  note?: string;
  children: TocEntry[];
}

/** The heading under which a plan lists its tasks, as work plans print it. */
const TASKS_HEADING = /主要任务/;

export function taskAnchor(n: number): string {
  return `task-${n}`;
}

/**
 * Build the contents from headings of depth `top` (and `top + 1` nested under them). Tasks nest under the
 * heading that names them; if no heading does, they follow as their own group labelled `tasksLabel`.
 */
export function planToc(
  headings: readonly HeadingLike[],
  tasks: readonly TaskLike[],
  taskLabel: (t: TaskLike) => string,
  taskNote: (t: TaskLike) => string,
  tasksLabel: string,
  top = 3,
): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === top) entries.push({ href: `#${h.slug}`, label: h.text, children: [] });
    else if (h.depth === top + 1 && entries.length > 0) entries.at(-1)!.children.push({ href: `#${h.slug}`, label: h.text, children: [] });
  }
  const taskEntries: TocEntry[] = tasks.map((t) => ({ href: `#${taskAnchor(t.number)}`, label: taskLabel(t), note: taskNote(t), children: [] }));
  if (taskEntries.length === 0) return entries;
  const host = entries.find((e) => TASKS_HEADING.test(e.label));
  if (host) host.children.push(...taskEntries);
  else entries.push({ href: `#${taskAnchor(1)}`, label: tasksLabel, children: taskEntries });
  return entries;
}
