import { describe, expect, it } from 'vitest';
import { checkConversationId, checkQuantity } from '../../widget/loader/platforms/checks.js';
import { detectPlatform } from '../../widget/loader/platforms/detect-platform.js';
import { PlatformCartError } from '../../widget/loader/platforms/platform-cart.js';
import { readShopifyCart } from '../../widget/loader/platforms/shopify-snapshot.js';
import { decodeEntities, readWooCart, toIsoMinor } from '../../widget/loader/platforms/woocommerce-snapshot.js';

const asWindow = (globals: object) => globals as unknown as Window;

describe('platform detection', () => {
  it("takes the tag's data-platform first, then the page's globals", () => {
    expect(detectPlatform('WooCommerce', asWindow({ Shopify: {} }))).toBe('woocommerce');
    expect(detectPlatform(null, asWindow({ Shopify: { shop: 'x.myshopify.com' } }))).toBe('shopify');
    expect(detectPlatform('', asWindow({ wcSettings: {} }))).toBe('woocommerce');
    expect(detectPlatform('constructor', asWindow({}))).toBeNull();
    expect(detectPlatform(undefined, asWindow({ Shopify: 'not an object' }))).toBeNull();
  });
});

describe('reading what the platforms answer', () => {
  it('refuses an answer that is not a cart, and skips lines without a usable id, key or quantity', () => {
    expect(() => readShopifyCart({ items: 'nope' }, '/checkout')).toThrow(PlatformCartError);
    const cart = readShopifyCart(
      {
        currency: 'EUR',
        items: [
          { variant_id: 5, key: '5:a', quantity: 2, final_price: 1000, sku: 'S', title: 'Cap' },
          { variant_id: -1, key: 'x', quantity: 1 },
          { variant_id: 6, key: '6:b', quantity: 'many' },
          { variant_id: 7, key: '7:c', quantity: 1, final_price: '12.50', title: { html: true } },
        ],
      },
      '/checkout',
    );
    expect(cart.lines.map((l) => [l.variantId, l.quantity, l.unitPriceMinor, l.title])).toEqual([
      ['5', 2, 1000, 'Cap'],
      ['7', 1, 0, ''],
    ]);
    expect(cart.itemCount).toBe(3);
  });

  it("turns Store API price strings into the currency's ISO minor units", () => {
    const prices = (price: string, minor: number, code = 'EUR') => ({
      price,
      currency_code: code,
      currency_minor_unit: minor,
    });
    expect(toIsoMinor('1800', prices('1800', 2))).toBe(1800);
    // A shop showing euros without cents: "18" is 18 euros.
    expect(toIsoMinor('18', prices('18', 0))).toBe(1800);
    expect(toIsoMinor('1500', prices('1500', 0, 'JPY'))).toBe(1500);
    expect(toIsoMinor('12.5', prices('12.5', 2))).toBeNull();
    const cart = readWooCart(
      { items: [{ id: 9, key: 'k', quantity: 1, name: 'A &quot;B&quot;', prices: prices('18', 0) }] },
      '/c',
    );
    expect(cart.lines).toEqual([
      { key: 'k', variantId: '9', quantity: 1, sku: null, title: 'A "B"', unitPriceMinor: 1800 },
    ]);
  });

  it("decodes the entities of WooCommerce's messages and leaves unknown ones alone", () => {
    expect(decodeEntities('&quot;Tee&quot; &amp; &#8220;Cap&#8221; &#x27;x&#x27; &bogus;')).toBe(
      '"Tee" & “Cap” \'x\' &bogus;',
    );
  });
});

describe('what the adapters send', () => {
  it('takes whole quantities in range and conversation ids of the server’s shape only', () => {
    expect(checkQuantity(3, 1)).toBeNull();
    expect(checkQuantity(0, 0)).toBeNull();
    expect([checkQuantity(0, 1), checkQuantity(1.5, 1), checkQuantity(NaN, 0), checkQuantity(1e6, 1)]).not.toContain(
      null,
    );
    expect(checkConversationId('conv_0b6f7c1e-2d3a-4c5b-9e8f-1a2b3c4d5e6f')).toBeNull();
    expect(checkConversationId('x; Domain=evil.example')).not.toBeNull();
  });
});
