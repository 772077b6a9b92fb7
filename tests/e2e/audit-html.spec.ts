/**
 * html-validate on every page of the built site (the sitemap's pages and the 404 page): 0 errors.
 * The rules are html-validate:recommended; tests/html-validate.json turns off only what conflicts with valid,
 * intended output. JSON has no comments, so each rule it turns off or relaxes has its reason here, and a test
 * fails when the config changes a rule without one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { allPages, expect, pageGroups, problemsInHtml, root, test } from './audit-pages.ts';

/** Why each rule tests/html-validate.json turns off or relaxes does not apply to this site. */
const REASONS: Record<string, string> = {
  'long-title':
    'An item page is titled with the item\'s name exactly as the document prints it (事项名称及权限), often 60–150 ' +
    'Chinese characters; the rule is a search-snippet length heuristic (70 characters), not validity, and shortening ' +
    'the name would change the source text. Titles are still required and non-empty (empty-title stays on).',
};

const config = JSON.parse(readFileSync(join(root, 'tests', 'html-validate.json'), 'utf8')) as ConfigData & { $schema?: string };
delete config.$schema;
const validator = new HtmlValidate(config);
const pages = allPages();

function show(m: Message): string {
  return `${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`;
}

test('every rule the config turns off or relaxes has a reason', () => {
  const changed = Object.keys(config.rules ?? {});
  expect(config.extends, 'the config builds on html-validate:recommended').toEqual(['html-validate:recommended']);
  expect(changed.filter((rule) => !REASONS[rule]), 'rules changed without a reason in audit-html.spec.ts').toEqual([]);
});

test('the site has pages to validate', () => {
  expect(pages.length, 'no pages: build the site and check dist/sitemap-index.xml').toBeGreaterThan(0);
});

test.describe('html-validate: 0 errors', () => {
  for (const [kind, list] of pageGroups(pages)) {
    test(`${kind}: ${list.length} page(s)`, async ({ request }) => {
      test.setTimeout(30_000 + list.length * 2_000);
      const problems = await problemsInHtml(request, list, async (html, page) => {
        const report = await validator.validateString(html, page.path);
        return report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2).map(show);
      });
      expect(problems, `html-validate errors on ${kind} pages`).toEqual([]);
    });
  }
});
