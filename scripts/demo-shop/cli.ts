import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoShopFiles, generateDemoShop } from './generate-demo-shop.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const main = async (): Promise<void> => {
  const shop = generateDemoShop();
  for (const [path, contents] of Object.entries(demoShopFiles(shop))) {
    const target = join(repoRoot, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents, 'utf8');
    console.log(`wrote ${path} (${contents.split('\n').length - 1} lines)`);
  }
};

await main();
