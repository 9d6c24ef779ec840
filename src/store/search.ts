/**
 * Text search without a server: each searchable record keeps `searchTokens`,
 * the lower-case words of its names, codes, phones and e-mails, under a
 * multi-entry index, and a query matches tokens by prefix.
 */
import type { Table } from 'dexie';
import { byName } from './records.js';
import type { Id } from './types.js';

/** Splits text into lower-case words of letters and digits (apostrophes kept: `п’ять`). */
export function words(text: string): string[] {
  return text
    .toLocaleLowerCase('uk')
    .replace(/[’'ʼ`]/g, '’')
    .split(/[^\p{L}\p{N}’]+/u)
    .filter(Boolean);
}

/**
 * The tokens for a record: every word of `texts`, every phone's digits with
 * and without the country code (`380671234567`, `0671234567`, `671234567`),
 * every e-mail whole and its local part.
 */
export function searchTokens(texts: Array<string | undefined>, phones: string[] = [], emails: string[] = []): string[] {
  const tokens = new Set<string>();
  for (const text of texts) if (text) for (const word of words(text)) tokens.add(word);
  for (const phone of phones) {
    const digits = phone.replace(/\D/g, '');
    tokens.add(digits);
    if (digits.startsWith('380')) {
      tokens.add(digits.slice(2));
      tokens.add(digits.slice(3));
    }
  }
  for (const email of emails) {
    const lower = email.toLowerCase();
    tokens.add(lower);
    tokens.add(lower.split('@')[0]!);
  }
  return [...tokens];
}

/** The words of a search query, each to be matched as a token prefix; phone-like queries lose their punctuation. */
export function queryTokens(query: string): string[] {
  const trimmed = query.trim();
  if (/^[+\d\s()-]{5,}$/.test(trimmed)) {
    return [trimmed.replace(/\D/g, '')];
  }
  return words(trimmed);
}

/** Whether a record's tokens match every query token by prefix. */
export function matchesQuery(tokens: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => tokens.some((token) => token.startsWith(q)));
}

export interface SearchOptions {
  /** At most this many results (20 unless given). */
  limit?: number;
  /** Archived records are left out unless `true`. */
  includeArchived?: boolean;
}

/**
 * Records whose `searchTokens` match every word of `text` by prefix: the first
 * word through the multi-entry index, the rest by `matchesQuery`.
 * @internal
 */
export async function searchByTokens<T extends { name: string; searchTokens: string[] }, TInsert>(
  table: Table<T, Id, TInsert>,
  text: string,
  limit: number,
  keep: (record: T) => boolean,
): Promise<T[]> {
  const query = queryTokens(text);
  // No text: the first by the name index (near enough to Ukrainian order), without reading the whole table.
  if (!query.length) return (await table.orderBy('name').filter(keep).limit(limit).toArray()).sort(byName);
  const matches = table
    .where('searchTokens')
    .startsWith(query[0]!)
    .distinct()
    .filter((record) => keep(record) && matchesQuery(record.searchTokens, query));
  // A one-letter prefix can match most of a large table: take the first found.
  // Longer ones match few records, so all of them are sorted and the first by name returned.
  const found = query[0]!.length < 2 ? await matches.limit(limit).toArray() : await matches.toArray();
  return found.sort(byName).slice(0, limit);
}
