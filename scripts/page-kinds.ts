/**
 * One page of each kind the site publishes: the pages the accessibility tests check at desktop width and
 * `npm run screenshots` photographs at 375 px and 1280 px.
 */
import { paths } from '../src/domain/urls.ts';

export const PAGE_KINDS: { kind: string; url: string }[] = [
  { kind: 'home', url: paths.home() },
  { kind: 'notice', url: paths.notice('jiaxiang-2021-2') },
  { kind: 'plan', url: paths.notice('jinan-hitech-2021-40') },
  { kind: 'attachment', url: paths.attachment('jiaxiang-2021-2', 1) },
  { kind: 'item', url: paths.itemById('jiaxiang-2021-2-a1-02') },
  { kind: 'item-without-measures', url: paths.itemById('jiaxiang-2021-2-a2-07') },
  { kind: 'items', url: paths.items() },
  { kind: 'type', url: paths.type('penalty') },
  { kind: 'types', url: paths.types() },
  { kind: 'department', url: paths.department('市、县级自然资源管理部门') },
  { kind: 'change', url: paths.change('cancelled-above') },
  { kind: 'changes', url: paths.changes() },
  { kind: 'terms', url: paths.terms() },
  { kind: 'notices', url: paths.notices() },
  { kind: 'departments', url: paths.departments() },
  { kind: 'search', url: paths.search() },
  { kind: 'search-results', url: paths.search('典当') },
  { kind: 'data', url: '/data/' },
  { kind: 'citation', url: `/citations/${encodeURIComponent('国发〔2020〕13号')}/` },
  { kind: 'print', url: paths.print('jiaxiang-2021-2') },
  { kind: '404', url: '/no-such-page/' },
];
