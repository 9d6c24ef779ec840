import type { uk } from './uk.js';

/**
 * The shape every message catalogue has: the keys of the Ukrainian one, each a
 * string or a function of the same parameters. A missing or misspelt key in
 * another language is a type error.
 */
export type CrmTranslation = {
  [K in keyof typeof uk]: K extends '$dir' ? 'ltr' | 'rtl' : (typeof uk)[K] extends string ? string : (typeof uk)[K];
};

/** A key of the message catalogue. */
export type CrmMessageKey = Exclude<keyof CrmTranslation, '$code' | '$name' | '$dir'>;

/**
 * The English counterpart of a block of Ukrainian messages: the same keys, a
 * string for each string, the same function type for each function. Blocks of
 * one area live in `src/i18n/areas/<area>.ts` as `{area}Uk` and `{area}En`.
 */
export type EnglishOf<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };
