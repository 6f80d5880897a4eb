/** A policy section as search returns it, citable. */
export interface PolicyHit {
  source: string;
  slug: string;
  /** In `language` when the hit is a translation, else as written (so are heading and text). */
  title: string;
  heading: string;
  /** The original's anchor (links go to the original section). */
  anchor: string;
  text: string;
  /** Set when the hit is a translation: its language, and the section as written. */
  language?: string;
  original?: { title: string; heading: string; text: string };
}
