/**
 * An amount of money: integer minor units (kopiykas for UAH) and an ISO 4217
 * currency code. Integers keep sums exact; the currency's own number of
 * fraction digits (from `Intl`) turns minor units into a displayed amount.
 */
export interface Money {
  minor: number;
  currency: string;
}
