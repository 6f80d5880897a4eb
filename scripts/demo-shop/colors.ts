const CODES: Record<string, string> = {
  Black: 'BLK',
  White: 'WHT',
  'Off-white': 'OWH',
  Cream: 'CRM',
  Navy: 'NVY',
  Grey: 'GRY',
  'Grey Marl': 'GRM',
  Charcoal: 'CHA',
  Slate: 'SLT',
  Stone: 'STN',
  Sand: 'SND',
  Oatmeal: 'OAT',
  Tan: 'TAN',
  Cognac: 'COG',
  Brown: 'BRN',
  'Dark Brown': 'DBR',
  Taupe: 'TAU',
  Olive: 'OLV',
  'Forest Green': 'FGR',
  Sage: 'SAG',
  Teal: 'TEA',
  'Sky Blue': 'SKY',
  Cobalt: 'COB',
  Coral: 'CRL',
  Red: 'RED',
  Rust: 'RST',
  Burgundy: 'BUR',
  Orange: 'ORG',
  Ochre: 'OCH',
  Mustard: 'MUS',
  Lime: 'LIM',
  Lavender: 'LAV',
  'Dusty Pink': 'DPK',
  Terracotta: 'TER',
  Natural: 'NAT',
  Tortoise: 'TRT',
  Crystal: 'CRY',
  Honey: 'HON',
  Speckled: 'SPK',
  Indigo: 'IND',
  Khaki: 'KHA',
  Plum: 'PLM',
  Yellow: 'YEL',
  Silver: 'SIL',
  'Matte Black': 'MBK',
};

/** Three-letter colour code used in SKUs, e.g. "Forest Green" → "FGR". */
export const colorCode = (color: string): string => {
  const code = CODES[color];
  if (!code) throw new Error(`no SKU code for colour "${color}"`);
  return code;
};

/** Size or other option value as a SKU segment, e.g. "39–42" → "3942", "S/M" → "SM". */
export const optionCode = (value: string): string => {
  const code = value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return /^\d/.test(code) || code.length <= 4 ? code.slice(0, 6) : code.slice(0, 3);
};
