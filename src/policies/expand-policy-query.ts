/** How shoppers ask about policies, mapped to the words policies are written in. */
const EXPANSIONS: [RegExp, string][] = [
  [/\bhow long\b|\bhow many days\b|\buntil when\b|\bdeadline\b|\btime limit\b/i, 'days window period within'],
  [/\bhow much\b|\bcosts?\b|\bfees?\b|\bcharges?\b|\bprice\b/i, 'cost costs free fee'],
  [/\bship(ping)?\b|\bdeliver(y|ed)?\b|\barrive\b/i, 'shipping delivery'],
  [/\bpay(ment)?\b|\bcard\b|\bpaypal\b|\bklarna\b/i, 'payment methods accept'],
  [/\breturn(s|ing)?\b|\bsend (it )?back\b|\brefund/i, 'return returns refund'],
  [/\bexchange|\bswap\b|\bdifferent size\b/i, 'exchange size'],
  [/\bbroken|\bdefect|\bwarrant|\bguarantee/i, 'warranty defect repair'],
  [/\bsize|\bfit\b|\bmeasure/i, 'size chart sizing fit'],
  [/\bdata\b|\bprivacy\b|\bcookies?\b|\bgdpr\b/i, 'privacy personal data'],
  [/\bwash|\bclean|\bcare\b/i, 'care washing cleaning'],
];

/** The question plus the policy words it implies, for full-text search. */
export function expandPolicyQuery(query: string): string {
  const extra = EXPANSIONS.filter(([re]) => re.test(query)).map(([, words]) => words);
  return [query, ...extra].join(' ');
}
