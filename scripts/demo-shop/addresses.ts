import type { Address } from '../../src/catalog/records.js';
import type { Rng } from './prng.js';

/** A few real street names per country, and whether the house number comes first. */
const STREETS: Record<string, { names: string[]; numberFirst?: boolean }> = {
  NL: { names: ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Lange Nieuwstraat'] },
  DE: { names: ['Hauptstraße', 'Gartenstraße', 'Bahnhofstraße', 'Lindenweg'] },
  FR: { names: ['rue de la Paix', 'rue Victor Hugo', 'avenue Jean Jaurès'], numberFirst: true },
  IT: { names: ['Via Roma', 'Via Garibaldi', 'Corso Italia'] },
  ES: { names: ['Calle Mayor', 'Calle del Sol', 'Avenida de la Constitución'] },
  DK: { names: ['Storegade', 'Nørregade', 'Vestergade'] },
  SE: { names: ['Storgatan', 'Kungsgatan', 'Drottninggatan'] },
  IE: { names: ['Main Street', 'Church Road', 'Patrick Street'], numberFirst: true },
  PL: { names: ['ul. Długa', 'ul. Kwiatowa', 'ul. Polna'] },
  PT: { names: ['Rua Augusta', 'Rua do Carmo', 'Avenida da Liberdade'] },
  BE: { names: ['Kerkstraat', 'Stationsstraat', 'Rue Haute'] },
  FI: { names: ['Mannerheimintie', 'Hämeenkatu', 'Kauppakatu'] },
  AT: { names: ['Kirchengasse', 'Hauptplatz', 'Bahnhofstraße'] },
  CH: { names: ['Bahnhofstrasse', 'Dorfstrasse', 'Hauptstrasse'] },
  GB: { names: ['High Street', 'Station Road', 'Church Lane'], numberFirst: true },
};

const digits = (r: Rng, count: number): string => Array.from({ length: count }, () => r.int(0, 9)).join('');
const letters = (r: Rng, count: number): string =>
  Array.from({ length: count }, () => 'ABCDEFGHJKLMNPRSTVWXZ'[r.int(0, 20)]).join('');

/** A postal code in the country's own format. */
const postalCode = (r: Rng, country: string): string => {
  const first = String(r.int(1, 9));
  switch (country) {
    case 'NL':
      return `${first}${digits(r, 3)} ${letters(r, 2)}`;
    case 'SE':
      return `${first}${digits(r, 2)} ${digits(r, 2)}`;
    case 'PL':
      return `${first}${digits(r, 1)}-${digits(r, 3)}`;
    case 'PT':
      return `${first}${digits(r, 3)}-${digits(r, 3)}`;
    case 'IE':
      return `D${String(r.int(1, 24)).padStart(2, '0')} ${letters(r, 1)}${digits(r, 1)}${letters(r, 2)}`;
    case 'GB':
      return `${letters(r, 2)}${r.int(1, 9)} ${r.int(1, 9)}${letters(r, 2)}`;
    case 'DK':
    case 'BE':
    case 'AT':
    case 'CH':
      return `${first}${digits(r, 3)}`;
    default:
      return `${first}${digits(r, 4)}`;
  }
};

/** A believable default address in the customer's own city. */
export const demoAddress = (r: Rng, who: { name: string; city: string; country: string }): Address => {
  const street = STREETS[who.country] ?? STREETS.GB;
  const name = r.pick(street.names);
  const number = String(r.int(1, 180));
  return {
    name: who.name,
    line1: street.numberFirst ? `${number} ${name}` : `${name} ${number}`,
    line2: r.chance(0.25) ? `Apt ${r.int(1, 40)}` : '',
    city: who.city,
    region: '',
    postalCode: postalCode(r, who.country),
    country: who.country,
  };
};
