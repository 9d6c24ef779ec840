import { expect } from '@open-wc/testing';
import { CrmError } from '../../src/store/index.js';
import { formatPhone, isValidEdrpou, isValidRnokpp, isValidTaxCode, normalizePhone } from '../../src/store/ukrainian.js';
import { edrpou, email, emails, parseInput, phone, phones, rnokpp, taxCode, url } from '../../src/store/validation.js';

/**
 * ЄДРПОУ check digit, the official algorithm: weights 1…7 (7,1…6 for codes
 * from 30 000 000 to 60 000 000), sum mod 11; a remainder of 10 is redone with
 * weights + 2, and a second 10 gives 0.
 */
function edrpouCheckDigit(first7: string): number {
  const digits = [...first7].map(Number);
  const base = Number(first7) >= 3_000_000 && Number(first7) < 6_000_000 ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  const sum = (weights: number[]) => digits.reduce((total, digit, i) => total + digit * weights[i]!, 0) % 11;
  let check = sum(base);
  if (check === 10) check = sum(base.map((w) => w + 2));
  return check === 10 ? 0 : check;
}

/** РНОКПП check digit: weights −1, 5, 7, 9, 4, 6, 10, 5, 7; sum mod 11 mod 10. */
function rnokppCheckDigit(first9: string): number {
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = [...first9].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return (((sum % 11) + 11) % 11) % 10;
}

const wrongLast = (code: string) => code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);

function refusal(run: () => unknown): CrmError {
  try {
    run();
  } catch (error) {
    return error as CrmError;
  }
  throw new Error('expected a refusal');
}

describe('ukrainian.isValidEdrpou', () => {
  // 12345678: 1·1+2·2+3·3+4·4+5·5+6·6+7·7 = 140, 140 mod 11 = 8.
  // 14360570 (ПриватБанк), 32855961 and 40000006: the 7,1…6 weights; 12138134: the second pass.
  const valid = ['12345678', '14360570', '32855961', '40000006', '12138134', '00131009'];

  it('accepts 8-digit codes whose check digit follows the official algorithm', () => {
    for (const code of valid) {
      expect(Number(code.at(-1)), code).to.equal(edrpouCheckDigit(code.slice(0, 7)));
      expect(isValidEdrpou(code), code).to.equal(true);
    }
  });

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    for (const code of valid) expect(isValidEdrpou(wrongLast(code)), wrongLast(code)).to.equal(false);
    for (const code of ['1234567', '123456789', '1234567a', '', '1234 5678']) expect(isValidEdrpou(code), code).to.equal(false);
  });
});

describe('ukrainian.isValidRnokpp', () => {
  const valid = ['3012345670', '3456789014', '2121212122', '1234567899'];

  it('accepts 10-digit codes whose check digit follows the official algorithm', () => {
    for (const code of valid) {
      expect(Number(code.at(-1)), code).to.equal(rnokppCheckDigit(code.slice(0, 9)));
      expect(isValidRnokpp(code), code).to.equal(true);
    }
  });

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    for (const code of valid) expect(isValidRnokpp(wrongLast(code)), wrongLast(code)).to.equal(false);
    for (const code of ['301234567', '30123456700', '30123456x0', '12345678']) expect(isValidRnokpp(code), code).to.equal(false);
  });

  it('isValidTaxCode takes either kind', () => {
    expect(isValidTaxCode('12345678')).to.equal(true);
    expect(isValidTaxCode('3012345670')).to.equal(true);
    expect(isValidTaxCode('12345670')).to.equal(false);
    expect(isValidTaxCode('3012345671')).to.equal(false);
  });
});

describe('ukrainian.normalizePhone / formatPhone', () => {
  it('turns the ways Ukrainians write numbers into E.164 with +380 by default', () => {
    expect(normalizePhone('067 123 45 67')).to.equal('+380671234567');
    expect(normalizePhone('(044) 123-45-67')).to.equal('+380441234567');
    expect(normalizePhone('0671234567')).to.equal('+380671234567');
    expect(normalizePhone('380671234567')).to.equal('+380671234567');
    expect(normalizePhone(' +380 50 123 4567 ')).to.equal('+380501234567');
  });

  it('keeps foreign numbers written with their country code', () => {
    expect(normalizePhone('+48 601 234 567')).to.equal('+48601234567');
  });

  it('gives undefined for what is not a valid number', () => {
    for (const text of ['12345', '067 123 45', 'дзвоніть', '']) expect(normalizePhone(text), text).to.equal(undefined);
  });

  it('shows Ukrainian numbers as people write them and others internationally', () => {
    expect(formatPhone('+380671234567')).to.equal('067 123 45 67');
    expect(formatPhone('+380441234567')).to.equal('044 123 45 67');
    expect(formatPhone('+48601234567')).to.equal('+48 601 234 567');
  });
});

describe('validation rules for Ukrainian data', () => {
  it('phone: normalizes, or refuses with error.phone', () => {
    expect(parseInput(phone, '050 123 45 67')).to.equal('+380501234567');
    const error = refusal(() => parseInput(phone, '050 12', 'phone'));
    expect(error).to.include({ code: 'VALIDATION', field: 'phone', messageKey: 'error.phone' });
  });

  it('phones: de-duplicates after normalizing and names the bad entry', () => {
    expect(parseInput(phones, ['067 123 45 67', '+380671234567', '(044) 123-45-67'])).to.deep.equal(['+380671234567', '+380441234567']);
    expect(parseInput(phones, undefined)).to.deep.equal([]);
    const error = refusal(() => parseInput(phones, ['067 123 45 67', '12'], 'phones'));
    expect(error).to.include({ code: 'VALIDATION', field: 'phones.1', messageKey: 'error.phone' });
  });

  it('edrpou / rnokpp / taxCode: drop spaces and dashes, check the check digit', () => {
    expect(parseInput(edrpou, '1234 5678')).to.equal('12345678');
    expect(parseInput(rnokpp, '301-234-5670')).to.equal('3012345670');
    expect(parseInput(taxCode, '32855961')).to.equal('32855961');
    expect(parseInput(taxCode, '3012345670')).to.equal('3012345670');
    expect(refusal(() => parseInput(edrpou, '12345670', 'edrpou'))).to.include({ field: 'edrpou', messageKey: 'error.edrpou' });
    expect(refusal(() => parseInput(rnokpp, '3012345671', 'rnokpp'))).to.include({ field: 'rnokpp', messageKey: 'error.rnokpp' });
    expect(refusal(() => parseInput(taxCode, '123456789', 'taxCode'))).to.include({ field: 'taxCode', messageKey: 'error.taxCode' });
  });

  it('email: trims and lower-cases, refuses what is not an address', () => {
    expect(parseInput(email, '  Olena.Koval@Ukr.NET ')).to.equal('olena.koval@ukr.net');
    expect(parseInput(emails, ['info@lviv-mebli.com.ua', 'INFO@lviv-mebli.com.ua'])).to.deep.equal(['info@lviv-mebli.com.ua']);
    for (const bad of ['olena@', 'olena.ukr.net', 'олена @ukr.net']) {
      expect(refusal(() => parseInput(email, bad, 'email')), bad).to.include({ code: 'VALIDATION', messageKey: 'error.email' });
    }
  });

  it('url: adds https:// to a bare domain, refuses what is not a web address', () => {
    expect(parseInput(url, 'prom.ua')).to.equal('https://prom.ua');
    expect(parseInput(url, 'https://rozetka.com.ua/ua/')).to.equal('https://rozetka.com.ua/ua/');
    for (const bad of ['localhost', 'ftp://files.kyiv.ua', 'наш сайт']) {
      expect(refusal(() => parseInput(url, bad, 'website')), bad).to.include({ field: 'website', messageKey: 'error.url' });
    }
  });
});
