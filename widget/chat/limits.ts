// Copies of protocol.ts values: importing that module's values would bundle zod into the
// widget. tests/unit/widget-bundle.test.ts checks they still match.
export const SHOPPER_NAMESPACE = '/shopper';
export const MAX_MESSAGE_CHARS = 2_000;
