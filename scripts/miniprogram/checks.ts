/** Mechanical checks of a rendered page (issue 4 item 6): no horizontal overflow, no leaked values, key strings. */
import type { Page } from 'playwright-core';
import { VIEWPORT } from './render';

/* eslint-disable @typescript-eslint/no-explicit-any -- code below partly runs inside Chromium (page.evaluate),
   typed loosely on purpose: the root tsconfig has no DOM library, and adding it would change every file's globals. */
declare const document: any;

export const LEAKED_VALUES = ['undefined', 'NaN', '[object Object]', 'null'];

export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1)
      found.push(`document ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll('#mp-root *')) as any[]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) {
        const label = (el.textContent ?? '').trim().slice(0, 20);
        found.push(
          `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.left)}–${Math.round(r.right)}px「${label}」`,
        );
      }
    }
    return found.slice(0, 5);
  }, VIEWPORT.width);
}

export async function checkRender(page: Page, keyStrings: string[]): Promise<string[]> {
  const problems: string[] = [];
  const text = await page.evaluate(() => document.body.innerText);
  for (const leaked of LEAKED_VALUES) if (text.includes(leaked)) problems.push(`页面上出现了「${leaked}」`);
  for (const key of keyStrings) if (!text.includes(key)) problems.push(`缺少应有的文字「${key}」`);
  for (const o of await overflowingElements(page)) problems.push(`横向溢出：${o}`);
  return problems;
}
