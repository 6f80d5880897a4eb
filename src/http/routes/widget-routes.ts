import { Router } from 'express';
import { buildConsoleAssets } from '../../../widget/console/build-console.js';
import { buildWidgetAssets } from '../../../widget/build.js';

/** Serves the widget loader, the chat iframe, the demo storefront and the agent console, bundled once at start. */
export async function widgetRoutes(opts: { minify?: boolean; allowedOrigins?: string[] } = {}): Promise<Router> {
  const [widget, console] = await Promise.all([
    buildWidgetAssets({ minify: opts.minify }),
    buildConsoleAssets({ minify: opts.minify }),
  ]);
  const assets = new Map([...widget, ...console]);
  const r = Router();
  r.get([...assets.keys()], (req, res, next) => {
    const asset = assets.get(req.path);
    if (!asset) return next();
    res.type(asset.contentType).set('Cache-Control', 'no-cache');
    if (req.path.endsWith('.html') || req.path === '/' || req.path === '/console') {
      // Only the shop's own pages may frame the chat: a hostile page must not drive a shopper's cart.
      const ancestors = ["'self'", ...(opts.allowedOrigins ?? [])].join(' ');
      res.set(
        'Content-Security-Policy',
        `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-src 'self'; frame-ancestors ${ancestors}`,
      );
    }
    res.send(asset.body);
  });
  return r;
}
