/**
 * The department grouping the site browses by: content/departments.json's groups, read by the content check.
 */
import { resolve } from 'node:path';
import { departmentGrouping } from './browse.ts';
import { loadContent } from './validation/check-content.ts';
import { oncePerBuild } from './build-memo.ts';

/** name → the name it is browsed under (its group's, or its own); once per build, read again in `astro dev`. */
export function siteDepartmentGrouping(): (name: string) => string {
  const dir = resolve(process.env.GONGKAI_CONTENT_DIR ?? 'content');
  return oncePerBuild(`departments|${dir}`, () => departmentGrouping(loadContent(process.cwd(), dir).departments.groups));
}
