import { type Request, type Response, Router } from 'express';
import { createLogger, type Logger } from '../../logger.js';
import {
  buildBrowserAssets,
  DEFAULT_PREBUILT_DIR,
  loadPrebuiltAssets,
  type BrowserAssets,
} from '../../../widget/prebuilt.js';

export interface WidgetRoutesOptions {
  /** Minify bundles built in memory; prebuilt files are served as `npm run build` made them. */
  minify?: boolean;
  /** Origins besides the server's own that may frame the pages (the CSP's frame-ancestors). */
  allowedOrigins?: string[];
  /** Origins product images come from (the catalog's image hosts), besides the server's own. */
  imageHosts?: string[];
  /** Where `npm run build` wrote the bundles: dist/public at the repository root unless given. */
  prebuiltDir?: string;
  logger?: Logger;
}

/**
 * Serves the widget loader, the chat iframe, the demo storefront, the agent console and the studio: the files
 * `npm run build` wrote if they match the sources, otherwise bundles built once in memory at start.
 */
export async function widgetRoutes(opts: WidgetRoutesOptions = {}): Promise<Router> {
  const assets = await loadAssets(opts);
  const r = Router();
  r.get([...assets.keys()], (req, res, next) => {
    const asset = assets.get(req.path);
    if (!asset) return next();
    setAssetHeaders(req, res, asset.contentType, opts);
    res.send(asset.body);
  });
  return r;
}

async function loadAssets(opts: WidgetRoutesOptions): Promise<BrowserAssets> {
  const logger = opts.logger ?? createLogger();
  const dir = opts.prebuiltDir ?? DEFAULT_PREBUILT_DIR;
  const prebuilt = await loadPrebuiltAssets(dir);
  if (prebuilt.ok) {
    const { buildId, builtAt, minify } = prebuilt.manifest;
    logger.info('serving the prebuilt browser bundles', { dir, buildId, builtAt, minify });
    return prebuilt.assets;
  }
  logger.info(`bundling the browser assets in memory: ${prebuilt.reason}`);
  return buildBrowserAssets({ minify: opts.minify });
}

/**
 * The response headers of one asset; the pages' Content-Security-Policy is set here and nowhere
 * else. Scripts, styles and connections only from this server; images also from the catalog's
 * image hosts; no <base> or plugins; framed only by the shop's own pages (the console by none).
 */
function setAssetHeaders(req: Request, res: Response, contentType: string, opts: WidgetRoutesOptions): void {
  res.type(contentType).set('Cache-Control', 'no-cache');
  const path = req.path;
  const staffPage = path === '/console' || path === '/studio';
  if (!(path.endsWith('.html') || path === '/' || staffPage)) return;
  // Only the shop's own pages may frame the chat: a hostile page must not drive a shopper's cart.
  const ancestors = staffPage ? ["'none'"] : ["'self'", ...(opts.allowedOrigins ?? [])];
  const host = req.get('host');
  // 'self' covers same-host websockets in CSP level 3; the explicit origins serve older browsers.
  const sockets = host && /^[\w.-]+(:\d+)?$/.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
  const policy = [
    "default-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...(opts.imageHosts ?? [])].join(' '),
    ["connect-src 'self'", ...sockets].join(' '),
    "frame-src 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ];
  res.set('Content-Security-Policy', policy.join('; '));
}
