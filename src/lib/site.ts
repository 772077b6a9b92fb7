/**
 * Who runs the site: content/site.json (name, tagline, 主办单位, 承办单位, contact, 网站标识码, ICP and 公安备案,
 * data terms), as the content check read and validated it — the same reading the collections are filled from, so
 * the file is read once per build. A field left empty is not shown anywhere: `filled` drops it.
 */
import { resolve } from 'node:path';
import type { Site } from '../schemas/site.ts';
import { loadContent } from './validation/check-content.ts';
import { oncePerBuild } from './build-memo.ts';

/** The site's own settings (once per build, as every page's header and footer ask; read again in `astro dev`). */
export function siteConfig(): Site {
  const dir = resolve(process.env.GONGKAI_CONTENT_DIR ?? 'content');
  return oncePerBuild(`site|${dir}`, () => loadContent(process.cwd(), dir).site);
}

/** A field's text, or undefined when the file leaves it empty or out (then nothing is shown for it). */
export function filled(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * What the feeds and data files say about the site: the name their titles end with, the author (the 主办单位,
 * else the site's name) and the terms of reuse (dataTerms; left out when the file gives none).
 */
export function feedSite(site: Site = siteConfig()): { name: string; author: string; licence?: string } {
  const licence = filled(site.dataTerms);
  const author = filled(site.organiser) ?? site.name;
  return licence ? { name: site.name, author, licence } : { name: site.name, author };
}

/** Where an ICP备案号 is looked up: the MIIT's filing system, linked as official sites link it. */
export const ICP_LOOKUP = 'https://beian.miit.gov.cn/';

/** One line of the footer: its label, the text, and a link when the field has one (mailto:, the ICP lookup). */
export interface SiteLine {
  key: 'organiser' | 'operator' | 'phone' | 'address' | 'email' | 'siteCode' | 'icp' | 'publicSecurity';
  label: string;
  text: string;
  href?: string;
}

/** The footer's lines in the order official sites print them; only the fields the file fills. */
export function footerLines(site: Site, labels: Record<SiteLine['key'], string>): SiteLine[] {
  const lines: SiteLine[] = [];
  for (const key of Object.keys(labels) as SiteLine['key'][]) {
    const text = filled(site[key]);
    if (text === undefined) continue;
    const href = key === 'email' ? `mailto:${text}` : key === 'icp' ? ICP_LOOKUP : undefined;
    lines.push(href ? { key, label: labels[key], text, href } : { key, label: labels[key], text });
  }
  return lines;
}
