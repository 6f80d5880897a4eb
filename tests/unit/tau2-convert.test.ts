import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertTau2, type Tau2Db } from '../../scripts/tau2/convert.js';
import { customerRecordSchema, orderRecordSchema } from '../../src/catalog/records.js';

const root = path.resolve(import.meta.dirname, '../..');
const raw = readFileSync(path.join(root, 'tests/fixtures/tau2-retail/db.json'), 'utf8');
const shop = convertTau2(JSON.parse(raw) as Tau2Db);
const customer = (id: string) => customerRecordSchema.parse(shop.customers.find((c) => c.id === id));
const order = (id: string) => orderRecordSchema.parse(shop.orders.find((o) => o.id === id));

describe('converting tau2 retail into a shop', () => {
  it('gives byte-identical output on every run, and every customer and order passes the importer’s schema', () => {
    expect(JSON.stringify(convertTau2(JSON.parse(raw) as Tau2Db))).toBe(JSON.stringify(shop));
    for (const c of shop.customers) expect(customerRecordSchema.safeParse(c).error, c.id).toBeUndefined();
    for (const o of shop.orders) expect(orderRecordSchema.safeParse(o).error, o.id).toBeUndefined();
  });

  it('keeps users’ addresses and payment methods under tau2’s own ids', () => {
    expect(customer('noah_brown_6181')).toMatchObject({
      address: {
        line1: '986 Sunset Drive',
        line2: 'Suite 259',
        city: 'Denver',
        region: 'CO',
        postalCode: '80279',
        country: 'USA',
      },
      paymentMethods: [
        { id: 'paypal_5727330', kind: 'paypal' },
        { id: 'credit_card_7815826', kind: 'credit_card', brand: 'mastercard', last4: '9212' },
      ],
    });
    expect(customer('anya_garcia_3271').paymentMethods).toContainEqual({
      id: 'gift_card_4374071',
      kind: 'gift_card',
      balanceMinor: 5_100,
    });
  });

  it('gives orders their shipping address, payments and refunds, and each line its parcel', () => {
    const cancelled = order('#W3220387');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.shippingAddress).toMatchObject({ line1: '984 Broadway', city: 'San Jose', region: 'CA' });
    expect(cancelled.payments?.map((p) => [p.kind, p.amountMinor, p.paymentMethodId])).toEqual([
      ['payment', 60_891, 'paypal_5716091'],
      ['refund', 60_891, 'paypal_5716091'],
    ]);
    const processed = order('#W2611340');
    expect(processed.lines.map((l) => l.trackingNumber)).toEqual(['357962501027', '357962501027']);
    expect(processed.payments).toEqual([
      { kind: 'payment', amountMinor: 53_665, paymentMethodId: 'gift_card_1725971', at: processed.placedAt },
    ]);
    const pending = shop.orders.find((o) => o.status === 'pending')!;
    expect(pending.lines.every((l) => l.trackingNumber === undefined)).toBe(true);
  });

  it('spells tau2’s states as ours (a processed order with a parcel has shipped)', () => {
    const states = new Set(shop.orders.map((o) => o.status));
    expect(states).toEqual(new Set(['pending', 'shipped', 'delivered', 'cancelled']));
    expect(order('#W2611340').status).toBe('shipped');
  });
});
