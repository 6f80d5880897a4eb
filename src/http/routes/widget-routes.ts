import { Router } from 'express';
import { buildWidgetAssets } from '../../../widget/build.js';

/** Serves the widget loader, the chat iframe and the demo storefront, bundled once at start. */
export async function widgetRoutes(opts: { minify?: boolean } = {}): Promise<Router> {
  const assets = await buildWidgetAssets({ minify: opts.minify });
  const r = Router();
  r.get(['/', '/widget.js', '/widget/chat.js', '/widget/chat.html', '/storefront.js'], (req, res, next) => {
    const asset = assets.get(req.path);
    if (!asset) return next();
    res.type(asset.contentType).set('Cache-Control', 'no-cache');
    if (req.path.endsWith('.html') || req.path === '/') {
      res.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-src 'self'");
    }
    res.send(asset.body);
  });
  return r;
}
