import { expect } from '@open-wc/testing';
import { en, uk } from '../../src/i18n/index.js';
import { crmErrorMessageKeys } from '../../src/store/index.js';

describe('message catalogues', () => {
  it('have the same keys in Ukrainian and English', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(uk).sort());
  });

  it('have no empty message in either language', () => {
    for (const catalogue of [uk, en]) {
      for (const [key, message] of Object.entries(catalogue)) {
        const text = typeof message === 'function' ? (message as (...args: unknown[]) => string)(1, '1', '1') : message;
        expect(typeof text, `${catalogue.$code} ${key}`).to.equal('string');
        expect((text as string).trim(), `${catalogue.$code} ${key}`).not.to.equal('');
      }
    }
  });

  it('translate every message key a store error can carry', () => {
    for (const key of crmErrorMessageKeys) {
      expect(uk, key).to.have.property(key);
      expect(en, key).to.have.property(key);
    }
  });
});

describe('error messages', () => {
  it('quote the limit an error carries, in each language', () => {
    expect(uk['error.tooLong']({ limit: 1200 }).replace(/\s/g, ' ')).to.equal('Не більше 1 200 символів');
    expect(en['error.tooLong']({ limit: 1200 })).to.equal('At most 1,200 characters');
  });
});
