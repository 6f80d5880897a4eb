/**
 * `npm run build [-- --out DIR --no-minify]`: bundles the widget loader, the chat iframe, the
 * storefront and the agent console into DIR (default dist/public) with a manifest.json, so that
 * `npm start` serves files instead of bundling at every boot.
 */
import path from 'node:path';
import { sizeTable } from '../widget/build.js';
import { buildPrebuiltAssets, DEFAULT_PREBUILT_DIR } from '../widget/prebuilt.js';

const main = async (args: string[]): Promise<void> => {
  const at = args.indexOf('--out');
  if (at >= 0 && !args[at + 1]) throw new Error('--out needs a directory');
  const out = at >= 0 ? path.resolve(args[at + 1]) : DEFAULT_PREBUILT_DIR;
  const { assets, manifest } = await buildPrebuiltAssets(out, { minify: !args.includes('--no-minify') });
  const where = path.relative(process.cwd(), out) || '.';
  console.log(`wrote ${assets.size} files and manifest.json to ${where} (build ${manifest.buildId})`);
  console.log(sizeTable(assets));
};

await main(process.argv.slice(2));
