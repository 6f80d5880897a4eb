import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { ProductLookup } from '../../catalog/product-lookup.js';

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const PALETTE = ['#1f5f4a', '#3b6e8f', '#8a5a44', '#6b5b95', '#4f7942', '#a0522d', '#2f4f4f', '#7a6a53'];

/** A placeholder product picture: the demo catalog ships no photos, so each product gets a drawn tile. */
export function productSvg(title: string, category: string): string {
  const h = createHash('sha1').update(title).digest();
  const bg = PALETTE[h[0] % PALETTE.length];
  const words = title.split(/\s+/).slice(0, 4);
  const lines = [words.slice(0, 2).join(' '), words.slice(2).join(' ')].filter(Boolean);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(title)}">
<rect width="400" height="400" fill="${bg}"/><circle cx="${120 + (h[1] % 160)}" cy="${110 + (h[2] % 120)}" r="${60 + (h[3] % 50)}" fill="#ffffff" opacity="0.12"/>
<text x="200" y="190" font-family="system-ui, sans-serif" font-size="30" font-weight="600" fill="#fff" text-anchor="middle">${lines.map((l, i) => `<tspan x="200" dy="${i === 0 ? 0 : 38}">${escapeXml(l)}</tspan>`).join('')}</text>
<text x="200" y="330" font-family="system-ui, sans-serif" font-size="20" fill="#fff" opacity="0.8" text-anchor="middle">${escapeXml(category)}</text></svg>`;
}

export function imageRoutes(deps: { products: ProductLookup }): Router {
  const r = Router();
  r.get('/images/products/:file', async (req, res) => {
    const handle = String(req.params.file).replace(/\.svg$/, '');
    const [p] = await deps.products.byHandles([handle]);
    if (!p) {
      res.status(404).type('text/plain').send('No such product image');
      return;
    }
    res
      .type('image/svg+xml')
      .set('Cache-Control', 'public, max-age=3600')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(productSvg(p.title, p.category));
  });
  return r;
}
