import { COUNT_PATTERN } from './normalize.js';

/** The phrases `parse-intent` classifies by. Order checks live there; this is only vocabulary. */

export const SMALLTALK_LEFTOVER = new Set(['so', 'much', 'very', 'a', 'lot', 'for', 'the', 'help', 'your', 'you', 'that', "that's", 'thats', 'all', 'is', 'it', 'again', 'there', 'everyone', 'guys', 'mate', 'buddy', 'man', 'friend', 'folks', 'and', 'oh', 'wow', 'really', 'de', 'je', 'wel', 'vous', 'u', 'schön', 'bot', 'assistant']);
export const ORDER_ID = /(?<![\w-])([a-z]{1,4}-\d{3,}|#?\d{5,})(?![\w-])/i;
export const ORDER_STATUS = ['where is my order', "where's my order", 'where is my package', "where's my package", 'where is my parcel', 'track', 'tracking', 'order status', 'status of my order', 'my delivery', 'has my order', 'when will my order', 'when will it arrive', 'my package', 'my parcel', 'arrive', 'shipped yet', 'latest order', 'my last order', 'my recent order', 'did my order', 'is my order', 'has my package', 'did it ship', 'has it shipped', 'where is my stuff', "where's my stuff", 'where are my', 'my shipment', 'not arrived', "hasn't arrived", "didn't arrive", 'delivery status'];
export const ORDER_HISTORY = ['orders have i', 'have i placed', "orders i've", 'orders did i', 'have i ordered', 'my purchases', 'previous purchases', 'past orders', 'previous orders', 'order history', 'my orders', 'orders i placed', 'what did i order', 'what have i ordered', 'what did i buy', 'older orders', 'all orders', 'purchase history'];
export const POLICY = ['return', 'returns', 'returning', 'refund', 'refunds', 'exchange', 'shipping', 'ship', 'ships', 'deliver', 'delivery', 'postage', 'warranty', 'guarantee', 'payment', 'payments', 'pay', 'paypal', 'klarna', 'credit card', 'invoice', 'size guide', 'size chart', 'sizing', 'fit guide', 'which size', 'what size', 'privacy', 'gdpr', 'terms', 'customs', 'duties', 'cancel my order', 'cancel an order', 'cancellation', 'opening hours', 'contact you', 'phone number', 'email address', 'contact details', 'repair', 'gift card', 'voucher', 'discount code', 'promo code', 'coupon'];
export const CART_SHOW = ['show my cart', 'show me my cart', 'view cart', 'view my cart', 'my cart', 'my basket', 'my bag', 'my trolley', 'in my cart', 'in my basket', 'in my bag', "what's in my", 'whats in my', 'what is in my', 'cart', 'basket', 'checkout'];
export const REMOVE = ['remove', 'delete', 'take out', 'take off', 'get rid of', 'drop', "don't want", 'dont want', 'do not want', 'empty my cart', 'clear my cart', 'empty the cart', 'clear the cart', 'empty my basket'];
export const UPDATE = new RegExp(
  `(?<![\\w'-])(?:make\\s+(?:it|that|this|them|those)\\s+${COUNT_PATTERN}|(?:change|set|update)\\s.*?to\\s+${COUNT_PATTERN}|change\\s+(?:the\\s+)?(?:quantity|amount|it|that)|set\\s+(?:the\\s+)?(?:quantity|it)|update\\s+(?:the\\s+)?(?:quantity|it)|${COUNT_PATTERN}\\s+instead|quantity\\s+(?:to|of)?\\s*\\d|one\\s+more|reduce|increase|decrease|(?:only|just)\\s+(?:want\\s+)?${COUNT_PATTERN})(?![\\w'-])`,
);
export const ADD = ['add', 'put', "i'll take", 'ill take', 'i will take', "i'll have", 'add to cart', 'add to basket'];
export const SOFT_ADD = ['buy', 'take', 'want', 'order', 'get me', 'grab', 'purchase', "i'd like", 'i would like', "i'll go with", "i'll go for"];
/** "what goes with these shoes?": recommendations, even though "these" points at a product. */
export const COMPLEMENT = ['go with', 'goes with', 'go well with', 'match with', 'matches', 'pair with', 'pairs with', 'what else'];
export const INFO_FIRST = ['tell me more', 'more about', 'more info', 'details', 'know more', 'tell me about', 'learn more'];
export const INFO = ['tell me more', 'more about', 'more info', 'details', 'detail', 'tell me about', 'what sizes', 'which sizes', 'what colours', 'what colors', 'which colours', 'which colors', 'does it come', 'do they come', 'is it', 'are they', 'is that', 'how much is', 'how much are', 'what about', 'how about', 'show me', 'describe', 'material', 'made of', 'in stock'];
export const RECOMMEND = ['recommend', 'recommendation', 'recommendations', 'suggest', 'suggestion', 'suggestions', 'might like', 'would you pick', 'surprise me', 'popular', 'bestseller', 'bestsellers', 'best sellers', 'trending', 'what should i buy', 'inspire me', 'ideas for me'];
// Only a clear yes: a bare "ok" may just acknowledge, and a cart change is never guessed.
export const AFFIRM = /^(?:yes|yeah|yep|yup|sure|yes please|sure thing|please do|go ahead|do it|add it|ok add it|yes add it)(?:\s+please)?$/;
export const DECLINE = /^(?:no|nope|nah|no thanks|no thank you|not now|not really)$/;
export const HELP = /^(?:help|help me|what can you do|what do you do|how does this work|menu|options|who are you|what are you)$/;
export const CHEAPER = ['something cheaper', 'anything cheaper', 'any cheaper', 'cheaper ones', 'cheaper options', 'cheaper alternatives', 'show me cheaper', 'cheaper please', 'too expensive', 'too pricey'];
export const SIMILAR = ['more like this', 'more like that', 'something similar', 'similar ones', 'similar to', 'like this one', 'alternatives', 'other options'];
export const PRONOUN_REF = /(?<![\w'-])(?:it|that one|this one|them|those|these|that|both|the \w+ one)(?![\w'-])/;
/** Superlatives point into a shown list; with nothing shown, "the cheapest tent" is a search. */
export const SUPERLATIVE_REF = /(?<![\w'-])(?:cheaper|cheapest|most expensive|pricier|priciest|least expensive)(?![\w'-])/;
