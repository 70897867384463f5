/**
 * Mechanical checks of a rendered page: no horizontal overflow, no leaked values, key strings,
 * and tap targets large enough.
 */
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

/**
 * Tap targets: WeChat's design guide and Apple's HIG ask for about 44 pt; renders are 750 px wide (1 rpx = 1 px),
 * so 88 px. Checked on TDesign's large buttons and on what a page marks with the class `tap-target`.
 */
export const MIN_TAP_PX = 88;

export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    const targets = document.querySelectorAll(
      '#mp-root [class*="tap-target"], #mp-root wx-button[class*="t-button--size-large"]',
    );
    for (const el of Array.from(targets) as any[]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.height >= min - 0.5) continue;
      found.push(`「${(el.textContent ?? '').trim().slice(0, 12)}」高 ${Math.round(r.height)}px`);
    }
    return found.slice(0, 5);
  }, MIN_TAP_PX);
}

export async function checkRender(page: Page, keyStrings: string[]): Promise<string[]> {
  const problems: string[] = [];
  const text = await page.evaluate(() => document.body.innerText);
  for (const leaked of LEAKED_VALUES) if (text.includes(leaked)) problems.push(`页面上出现了「${leaked}」`);
  for (const key of keyStrings) if (!text.includes(key)) problems.push(`缺少应有的文字「${key}」`);
  for (const o of await overflowingElements(page)) problems.push(`横向溢出：${o}`);
  for (const t of await smallTapTargets(page)) problems.push(`点击区域过小（至少 ${MIN_TAP_PX}rpx）：${t}`);
  return problems;
}
