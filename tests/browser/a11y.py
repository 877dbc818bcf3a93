"""A small accessibility checker run inside the page (no downloads): `problems(page)` returns what it
finds, one line each.

It checks: exactly one <main> landmark and at least one <nav>; exactly one h1 and no skipped heading
level (each heading at most one level deeper than the one before it; the first is the h1); every form
control has a label (a <label>, aria-label, aria-labelledby or title); every image has alt text;
every link and button has discernible text; and text contrast of at least 4.5:1 (WCAG 2 relative
luminance), for every rendered element with text of its own, against its background composited from
its ancestors' background colours (an element over a background image is reported as unknown).
"""

from __future__ import annotations

MIN_CONTRAST = 4.5

CHECKER = r"""
(minContrast) => {
  const problems = [];
  const describe = (el) => {
    const text = (el.innerText || el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}> "${text}"`;
  };
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

  const mains = document.querySelectorAll('main, [role="main"]');
  if (mains.length !== 1) problems.push(`landmarks: ${mains.length} <main> elements, not 1`);
  if (!document.querySelector('nav, [role="navigation"]')) problems.push('landmarks: no <nav>');

  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const h1s = headings.filter((h) => h.tagName === 'H1');
  if (h1s.length !== 1) problems.push(`headings: ${h1s.length} h1 elements, not 1`);
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) problems.push(`headings: h${level} after h${previous || 'nothing'}: ${describe(h)}`);
    previous = level;
  }

  const controls = document.querySelectorAll('input, select, textarea');
  for (const c of controls) {
    const type = (c.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    const labelled = (c.labels && [...c.labels].some((l) => l.textContent.trim()))
      || (c.getAttribute('aria-label') || '').trim() || c.getAttribute('aria-labelledby') || (c.getAttribute('title') || '').trim();
    if (!labelled) problems.push(`labels: control without a label: <${c.tagName.toLowerCase()} name="${c.name}">`);
  }

  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push(`images: no alt: ${img.src}`);
  }
  for (const svg of document.querySelectorAll('svg[role="img"]')) {
    if (!svg.getAttribute('aria-label') && !svg.querySelector('title')) problems.push('images: svg without a name');
  }

  const named = (el) => (el.textContent || '').trim() || (el.getAttribute('aria-label') || '').trim()
    || el.getAttribute('aria-labelledby') || (el.getAttribute('title') || '').trim()
    || [...el.querySelectorAll('img[alt]')].some((i) => i.alt.trim());
  for (const a of document.querySelectorAll('a[href], button, summary')) {
    if (!named(a)) problems.push(`names: ${a.tagName.toLowerCase()} without discernible text: ${a.outerHTML.slice(0, 80)}`);
  }

  const parse = (value) => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const parts = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return null;
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };  // the canvas
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = (c) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (!rendered(el) || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    const back = background(el);
    if (!back) { problems.push(`contrast: unknown (background image) for ${describe(el)}`); continue; }
    const fore = over(parse(style.color), back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    if (ratio < minContrast) {
      problems.push(`contrast: ${ratio.toFixed(2)}:1 (${style.color} on rgb(${Math.round(back.r)}, ${Math.round(back.g)}, ${Math.round(back.b)})) for ${describe(el)}`);
    }
  }
  return problems;
}
"""


def problems(page, *, min_contrast: float = MIN_CONTRAST) -> list[str]:
    return page.evaluate(CHECKER, min_contrast)
