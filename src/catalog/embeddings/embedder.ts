/** Turns texts into unit-length vectors. One per provider; `id` is recorded in the database. */
export interface Embedder {
  /**
   * Stable identifier of the provider, model and variant, e.g. `local:wink-ngram-v1` or `openai:text-
   * embedding-3-small`.
   */
  readonly id: string;
  readonly dimension: number;
  /** Embeds documents (product text, policy chunks). */
  embedDocuments(texts: string[], opts?: { signal?: AbortSignal }): Promise<number[][]>;
  /** Embeds a search query. May differ from documents for asymmetric models. */
  embedQuery(text: string, opts?: { signal?: AbortSignal }): Promise<number[]>;
}
