import type { CartPayload } from '../../src/chat/protocol.js';
import { h } from '../chat/dom.js';
import { agentCart, demoCustomers, searchProducts, type DemoCustomer, type StoreProduct } from './api.js';
import { renderCart, type CartActions } from './cart-panel.js';
import type { DemoOrder } from '../loader/frame-messages.js';
import { whenConcierge } from './concierge.js';
import { renderGrid } from './product-grid.js';
import { number, setLanguage, t } from '../i18n/live.js';
import { languageOfTag } from '../../src/shared/language.js';
import { refusalText } from '../chat/refusal-text.js';
import { fillPageWords } from './page-words.js';

// The demo shop's page speaks its own <html lang> (the shop's language).
setLanguage(languageOfTag(document.documentElement.lang) ?? 'en');
fillPageWords();

/** The demo shop: search, a product grid, a live cart and "sign in as", all beside the chat widget. */
const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const grid = $('#grid');
const meta = $('#results-meta');
const heading = $('#results-h');
const input = $<HTMLInputElement>('#q');
const signin = $<HTMLSelectElement>('#signin');
const cartBody = $('#cart-body');
const cartCount = $('#cart-count');
const cartToggle = $<HTMLButtonElement>('#cart-toggle');
const toastEl = $('#toast');
const pills = $('#categories');
const CATEGORIES = ['Clothing', 'Shoes', 'Outdoor gear', 'Bags', 'Accessories', 'Home & living'];
const concierge = whenConcierge();
let category = '';
let customers: DemoCustomer[] = [];
let searching: AbortController | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Why something failed, in the page's language: a refusal the chat reports through window.Concierge
 * (`code` and the server's English message) as the chat words it, anything else as it came.
 */
function errorText(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : '';
  return typeof e?.code === 'string' ? refusalText({ code: e.code, message }) : message || t('error.failed');
}

function toast(text: string, kind: 'ok' | 'error' = 'ok') {
  toastEl.textContent = text;
  toastEl.className = `toast show ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toastEl.className = 'toast'), 3_500);
}

async function load() {
  searching?.abort();
  const controller = (searching = new AbortController());
  const q = input.value.trim();
  grid.setAttribute('aria-busy', 'true');
  try {
    const products = await searchProducts({ q, category, limit: 24 }, controller.signal);
    heading.textContent = q ? t('store.results', { q }) : category || t('store.popular');
    meta.textContent = products.length === 0 ? t('store.nothing') : t('store.count', { count: products.length });
    renderGrid(grid, products, { addToCart, ask });
  } catch (err) {
    if (!controller.signal.aborted) meta.textContent = t('store.searchFailed', { reason: errorText(err) });
  } finally {
    if (searching === controller) grid.removeAttribute('aria-busy');
  }
}

async function addToCart(sku: string, label: string, button: HTMLButtonElement) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = t('card.adding');
  try {
    await (await concierge).addToCart(sku, 1);
    toast(t('store.added', { item: label }));
  } catch (err) {
    toast(errorText(err), 'error');
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}

async function ask(p: StoreProduct) {
  (await concierge)
    .send(t('store.askAbout', { title: p.title }))
    .catch((err: unknown) => toast(errorText(err), 'error'));
}

async function setQuantity(sku: string, quantity: number) {
  try {
    await (await concierge).setQuantity(sku, quantity);
  } catch (err) {
    toast(errorText(err), 'error');
  }
}

let placed: DemoOrder | null = null;
let lastCart: CartPayload | null = null;
const cartActions = (): CartActions => ({ setQuantity, checkout, placed });

/** The demo checkout: an order for the cart, confirmed with its number in the cart panel. */
async function checkout(button: HTMLButtonElement) {
  button.disabled = true;
  button.textContent = t('store.placing');
  try {
    placed = await (await concierge).checkout();
    toast(t('store.orderPlacedToast', { order: placed.id }));
  } catch (err) {
    toast(errorText(err), 'error');
  } finally {
    if (lastCart) showCart(lastCart);
  }
}

function showCart(cart: CartPayload) {
  lastCart = cart;
  if (cart.items.length > 0) placed = null;
  renderCart(cartBody, cart, cartActions());
  cartCount.textContent = number(cart.itemCount);
  cartToggle.setAttribute('aria-label', t('store.cartLabel', { count: cart.itemCount }));
}

let debounce: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(load, 250);
});
$('#search').addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(debounce);
  void load();
});

pills.replaceChildren(
  ...['', ...CATEGORIES].map((c) =>
    h(
      'button',
      {
        type: 'button',
        class: 'pill',
        'aria-pressed': String(c === category),
        'data-category': c,
        onClick: () => pickCategory(c),
      },
      c || t('store.all'),
    ),
  ),
);
function pickCategory(c: string) {
  category = c;
  for (const b of pills.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.category === c));
  void load();
}

function showCartPanel(open: boolean) {
  document.body.classList.toggle('cart-open', open);
  cartToggle.setAttribute('aria-expanded', String(open));
  if (open) $('#cart').focus();
}
cartToggle.addEventListener('click', () => showCartPanel(!document.body.classList.contains('cart-open')));
$('#cart-close').addEventListener('click', () => {
  document.body.classList.remove('cart-open');
  cartToggle.setAttribute('aria-expanded', 'false');
  cartToggle.focus();
});

signin.addEventListener('change', async () => {
  const api = await concierge;
  const c = customers.find((x) => x.id === signin.value);
  signin.disabled = true;
  try {
    const customer = c ? await api.signIn(c.id, c.customerHash) : await api.signOut();
    toast(customer ? t('store.signedIn', { name: customer.firstName }) : t('store.guest'));
  } catch (err) {
    toast(t('store.signInFailed', { reason: errorText(err) }), 'error');
  } finally {
    signin.disabled = false;
  }
});

/**
 * A cart an outside agent built, opened from its checkout_url (`/?cart=<id>`): its lines join the
 * shopper's own cart, once (the id leaves the address, so a reload adds nothing).
 */
async function loadAgentCart(id: string) {
  const here = new URL(location.href);
  here.searchParams.delete('cart');
  history.replaceState(null, '', here);
  try {
    const cart = await agentCart(id);
    const api = await concierge;
    for (const line of cart.lines) await api.addToCart(line.product_variant_id, line.quantity);
    showCartPanel(true);
    toast(t('store.cartReady', { count: cart.lines.length }));
  } catch (err) {
    toast(t('store.cartFailed', { reason: errorText(err) }), 'error');
  }
}

// Links from outside agents: a search (`?q=`) and a cart they built (`?cart=`).
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
renderCart(cartBody, null, cartActions());
cartCount.textContent = number(0);
cartToggle.setAttribute('aria-label', t('store.cartLabel', { count: 0 }));
void load();
const cartParam = params.get('cart');
if (cartParam) void loadAgentCart(cartParam);
void demoCustomers().then((list) => {
  customers = list;
  signin.append(...list.map((c) => h('option', { value: c.id }, `${c.firstName} ${c.lastName}`)));
  if (list.length === 0) $('#account').hidden = true;
  void concierge.then((api) => api.on('ready', (r) => (signin.value = r.customer?.id ?? '')));
});
void concierge.then((api) => api.on('cart', showCart));
