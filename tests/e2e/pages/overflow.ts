import type { Page } from '@playwright/test';

/**
 * Elements wider than the viewport (or sticking out to the right of it) that are not inside a
 * deliberate scroll region — an element with role="region", tabindex="0" and its own horizontal
 * scroll (`.scroll-region`). Returns a short description of each offender, empty when it fits.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const inRegion = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (
          p.getAttribute('role') === 'region' &&
          p.getAttribute('tabindex') === '0' &&
          ['auto', 'scroll'].includes(getComputedStyle(p).overflowX)
        )
          return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (r.right <= width + 1 && r.left >= -1) continue;
      if (inRegion(el)) continue;
      // Report the outermost element only (its children stick out with it).
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && (parent.right > width + 1 || parent.left < -1) && !inRegion(el.parentElement!))
        continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        el.getAttribute('class') ? `.${String(el.getAttribute('class')).split(' ').join('.')}` : ''
      }`;
      out.push(
        `${name} [${Math.round(r.left)}–${Math.round(r.right)}] ${(el.textContent ?? '').slice(0, 40)}`,
      );
    }
    if (document.documentElement.scrollWidth > width + 1) {
      out.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    }
    return out;
  });
}
