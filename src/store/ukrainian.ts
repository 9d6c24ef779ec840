/**
 * Ukrainian data done right: phones in E.164 with +380 as the default country,
 * shown as people write them; ЄДРПОУ and РНОКПП with their check digits.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { edrpou, rntrc } from 'stdnum/lib/esm/ua/index.js';

/** `067 123 45 67`, `(044) 123-45-67`, `+48 601 234 567` → E.164 (`+380671234567`), or `undefined` if not a valid number. */
export function normalizePhone(input: string): string | undefined {
  const phone = parsePhoneNumberFromString(input.trim(), 'UA');
  return phone?.isValid() ? phone.number : undefined;
}

/**
 * An E.164 number as people write it: Ukrainian numbers as `067 123 45 67`,
 * others in international form (`+48 601 234 567`).
 */
export function formatPhone(e164: string): string {
  const ukrainian = /^\+380(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (ukrainian) return `0${ukrainian[1]} ${ukrainian[2]} ${ukrainian[3]} ${ukrainian[4]}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** An ЄДРПОУ code: 8 digits with a valid check digit. */
export function isValidEdrpou(code: string): boolean {
  return /^\d{8}$/.test(code) && edrpou.validate(code).isValid;
}

/** An РНОКПП (ІПН): 10 digits with a valid check digit. */
export function isValidRnokpp(code: string): boolean {
  return /^\d{10}$/.test(code) && rntrc.validate(code).isValid;
}

/** A tax code of either kind. */
export function isValidTaxCode(code: string): boolean {
  return isValidEdrpou(code) || isValidRnokpp(code);
}
