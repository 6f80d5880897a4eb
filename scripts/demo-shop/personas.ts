import type { Persona } from './customer-profiles.js';

/** Something a customer goes looking for: product styles (the `style` attribute), in shopping order. */
export interface Want {
  styles: string[];
  quantity?: number;
}

/** What each kind of customer buys, first things first: a runner starts with shoes, then socks and a tee. */
export const SHOPPING_LISTS: Record<Persona, Want[]> = {
  runner: [
    { styles: ['Daily trainer', 'Everyday', 'Max cushion'] },
    { styles: ['Running socks'], quantity: 2 },
    { styles: ['Running tee'] },
    { styles: ['Running tights'] },
    { styles: ['Cap'] },
    { styles: ['Racing'] },
    { styles: ['Trail running'] },
    { styles: ['Sport sunglasses'] },
  ],
  hiker: [
    { styles: ['Hiking boot'] },
    { styles: ['Hiking socks'], quantity: 2 },
    { styles: ['Hiking trousers'] },
    { styles: ['Rain jacket'] },
    { styles: ['Daypack'] },
    { styles: ['Softshell'] },
    { styles: ['Sun hat'] },
    { styles: ['Filter bottle'] },
    { styles: ['Trekking pack'] },
  ],
  camper: [
    { styles: ['Backpacking tent', 'Dome tent', 'Family tent'] },
    { styles: ['Synthetic sleeping bag', 'Down sleeping bag'] },
    { styles: ['Camping chair'] },
    { styles: ['Stove'] },
    { styles: ['Headlamp', 'Lantern'] },
    { styles: ['Camp mug'], quantity: 2 },
    { styles: ['Cook set'] },
    { styles: ['Camp table'] },
  ],
  home: [
    { styles: ['Wool throw'] },
    { styles: ['Scented candle'] },
    { styles: ['Cushion'] },
    { styles: ['Stoneware mug'], quantity: 2 },
    { styles: ['Pouf', 'Stool'] },
    { styles: ['Three-wick candle'] },
    { styles: ['Cotton throw'] },
  ],
  coffee: [
    { styles: ['Pour-over'] },
    { styles: ['Coffee grinder'] },
    { styles: ['Stoneware mug', 'Mug set'] },
    { styles: ['French press'] },
    { styles: ['Espresso cups'] },
    { styles: ['Travel mug'] },
  ],
  city: [
    { styles: ['Court sneaker', 'Canvas sneaker'] },
    { styles: ['Hoodie', 'Sweatshirt'] },
    { styles: ['Everyday tee'], quantity: 2 },
    { styles: ['Chinos'] },
    { styles: ['Lifestyle sunglasses'] },
    { styles: ['Commuter backpack'] },
    { styles: ['Chelsea boot'] },
    { styles: ['Tote'] },
  ],
  winter: [
    { styles: ['Down jacket', 'Parka', 'Insulated jacket'] },
    { styles: ['Winter boot'] },
    { styles: ['Beanie'] },
    { styles: ['Gloves'] },
    { styles: ['Merino sweater', 'Wool jumper'] },
    { styles: ['Base layer top'] },
    { styles: ['Scarf'] },
  ],
  traveller: [
    { styles: ['Duffel', 'Weekender'] },
    { styles: ['Wash bag'] },
    { styles: ['Merino tee'] },
    { styles: ['Slip-on'] },
    { styles: ['Filter bottle'] },
  ],
};
