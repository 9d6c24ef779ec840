/**
 * Text search without a server: each searchable record keeps `searchTokens`,
 * the lower-case words of its names, codes, phones and e-mails, under a
 * multi-entry index, and a query matches tokens by prefix.
 */

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
