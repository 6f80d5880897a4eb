export type Persona = 'runner' | 'hiker' | 'camper' | 'home' | 'coffee' | 'city' | 'winter' | 'traveller';

/** A demo customer as we know them: who they are, what they shop for and how often. */
export interface CustomerProfile {
  firstName: string;
  lastName: string;
  city: string;
  country: string;
  language: string;
  fit: 'men' | 'women';
  shoeSize: string;
  apparelSize: string;
  personas: Persona[];
  orders: number;
  emailDomain?: 'example.org';
}

export const CUSTOMER_PROFILES: readonly CustomerProfile[] = [
  { firstName: 'Sanne', lastName: 'de Vries', city: 'Utrecht', country: 'NL', language: 'nl', fit: 'women', shoeSize: '39', apparelSize: 'S', personas: ['runner'], orders: 5 },
  { firstName: 'Lukas', lastName: 'Becker', city: 'München', country: 'DE', language: 'de', fit: 'men', shoeSize: '44', apparelSize: 'L', personas: ['camper', 'hiker'], orders: 5 },
  { firstName: 'Camille', lastName: 'Laurent', city: 'Lyon', country: 'FR', language: 'fr', fit: 'women', shoeSize: '38', apparelSize: 'S', personas: ['city', 'home'], orders: 3 },
  { firstName: 'Jonas', lastName: 'Schmidt', city: 'Hamburg', country: 'DE', language: 'de', fit: 'men', shoeSize: '43', apparelSize: 'M', personas: ['winter', 'city'], orders: 3 },
  { firstName: 'Emma', lastName: 'Janssen', city: 'Amsterdam', country: 'NL', language: 'en', fit: 'women', shoeSize: '38', apparelSize: 'M', personas: ['coffee', 'home'], orders: 5 },
  { firstName: 'Luca', lastName: 'Rossi', city: 'Milano', country: 'IT', language: 'en', fit: 'men', shoeSize: '42', apparelSize: 'M', personas: ['runner'], orders: 2 },
  { firstName: 'Sofía', lastName: 'Martínez', city: 'Valencia', country: 'ES', language: 'en', fit: 'women', shoeSize: '37', apparelSize: 'S', personas: ['traveller', 'city'], orders: 2, emailDomain: 'example.org' },
  { firstName: 'Freya', lastName: 'Nielsen', city: 'København', country: 'DK', language: 'en', fit: 'women', shoeSize: '39', apparelSize: 'M', personas: ['hiker', 'winter'], orders: 6 },
  { firstName: 'Oskar', lastName: 'Lindqvist', city: 'Göteborg', country: 'SE', language: 'en', fit: 'men', shoeSize: '45', apparelSize: 'XL', personas: ['camper'], orders: 3 },
  { firstName: 'Aoife', lastName: 'Murphy', city: 'Galway', country: 'IE', language: 'en', fit: 'women', shoeSize: '38', apparelSize: 'M', personas: ['hiker'], orders: 1 },
  { firstName: 'Marek', lastName: 'Nowak', city: 'Kraków', country: 'PL', language: 'en', fit: 'men', shoeSize: '43', apparelSize: 'L', personas: ['runner', 'hiker'], orders: 4 },
  { firstName: 'Inês', lastName: 'Costa', city: 'Porto', country: 'PT', language: 'en', fit: 'women', shoeSize: '37', apparelSize: 'S', personas: ['home'], orders: 1, emailDomain: 'example.org' },
  { firstName: 'Dariush', lastName: 'Rahimi', city: 'Rotterdam', country: 'NL', language: 'fa', fit: 'men', shoeSize: '42', apparelSize: 'M', personas: ['city', 'coffee'], orders: 4 },
  { firstName: 'Léa', lastName: 'Dubois', city: 'Bruxelles', country: 'BE', language: 'fr', fit: 'women', shoeSize: '38', apparelSize: 'S', personas: ['winter'], orders: 2 },
  { firstName: 'Jan', lastName: 'Peeters', city: 'Antwerpen', country: 'BE', language: 'nl', fit: 'men', shoeSize: '44', apparelSize: 'L', personas: ['camper', 'runner'], orders: 4 },
  { firstName: 'Anna', lastName: 'Virtanen', city: 'Helsinki', country: 'FI', language: 'en', fit: 'women', shoeSize: '39', apparelSize: 'M', personas: ['winter', 'hiker'], orders: 3 },
  { firstName: 'Katrin', lastName: 'Hofer', city: 'Innsbruck', country: 'AT', language: 'de', fit: 'women', shoeSize: '40', apparelSize: 'M', personas: ['hiker'], orders: 3 },
  { firstName: 'Tom', lastName: 'Hendriks', city: 'Eindhoven', country: 'NL', language: 'en', fit: 'men', shoeSize: '45', apparelSize: 'L', personas: ['runner'], orders: 1 },
  { firstName: 'Hannah', lastName: 'Weber', city: 'Freiburg', country: 'DE', language: 'de', fit: 'women', shoeSize: '39', apparelSize: 'M', personas: ['coffee'], orders: 0 },
  { firstName: 'Marco', lastName: 'Bianchi', city: 'Bologna', country: 'IT', language: 'en', fit: 'men', shoeSize: '43', apparelSize: 'M', personas: ['city'], orders: 0, emailDomain: 'example.org' },
  { firstName: 'Liam', lastName: "O'Brien", city: 'Dublin', country: 'IE', language: 'en', fit: 'men', shoeSize: '44', apparelSize: 'L', personas: ['hiker', 'camper'], orders: 3 },
  { firstName: 'Maja', lastName: 'Andersson', city: 'Stockholm', country: 'SE', language: 'en', fit: 'women', shoeSize: '38', apparelSize: 'S', personas: ['runner', 'city'], orders: 3 },
  { firstName: 'Noah', lastName: 'van Dijk', city: 'Leiden', country: 'NL', language: 'nl', fit: 'men', shoeSize: '43', apparelSize: 'M', personas: ['traveller'], orders: 1 },
  { firstName: 'Clara', lastName: 'Schneider', city: 'Zürich', country: 'CH', language: 'de', fit: 'women', shoeSize: '38', apparelSize: 'M', personas: ['home', 'coffee'], orders: 2 },
  { firstName: 'Elif', lastName: 'Yılmaz', city: 'Berlin', country: 'DE', language: 'en', fit: 'women', shoeSize: '39', apparelSize: 'M', personas: ['city'], orders: 1 },
  { firstName: 'Pieter', lastName: 'Smit', city: 'Groningen', country: 'NL', language: 'nl', fit: 'men', shoeSize: '44', apparelSize: 'XL', personas: ['winter'], orders: 0 },
  { firstName: 'Ruth', lastName: 'Ellis', city: 'London', country: 'GB', language: 'en', fit: 'women', shoeSize: '40', apparelSize: 'L', personas: ['home'], orders: 1, emailDomain: 'example.org' },
];
