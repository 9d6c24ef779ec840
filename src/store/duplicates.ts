/**
 * Duplicate detection (A5) across counterparties, leads and contacts: records
 * sharing a tax code, a phone or an e-mail with the one being entered.
 */
import type { Table } from 'dexie';
import type { CrmDatabase } from './database.js';
import { byName } from './records.js';
import type { Counterparty, Id, Lead } from './types.js';
import { normalizePhone } from './ukrainian.js';

/** Which part of a duplicate query a record matched. */
export type DuplicateField = 'edrpou' | 'rnokpp' | 'taxCode' | 'phones' | 'emails';

/** A record that shares a tax code, phone or e-mail with the one being entered. */
export interface DuplicateMatch {
  type: 'counterparty' | 'lead' | 'contact';
  id: Id;
  name: string;
  /** The query fields it matched, e.g. `['phones', 'emails']`. */
  fields: DuplicateField[];
}

/**
 * What to look for. Phones may be written any common way (`067 123 45 67`),
 * e-mails in any case; values that are not valid phones are ignored, so a
 * form can ask while the user types. `taxCode` is ЄДРПОУ or РНОКПП.
 */
export interface DuplicateQuery {
  edrpou?: string | undefined;
  rnokpp?: string | undefined;
  taxCode?: string | undefined;
  phones?: readonly string[] | undefined;
  emails?: readonly string[] | undefined;
  /** The record being edited, left out of the result. */
  excludeId?: Id | undefined;
}

type DuplicateScope = ReadonlyArray<DuplicateMatch['type']>;

const compactCode = (code: string | undefined) => code?.replace(/[\s-]/g, '') || undefined;

/**
 * Counterparties, leads and contacts (those in `scope`) sharing a tax code, a
 * phone or an e-mail with `query`, counterparties first, each with the fields
 * it matched. Converted leads are left out: they live on as counterparties.
 * Reads only; usable inside `liveQuery`.
 * @internal
 */
export async function findPartyDuplicates(
  db: CrmDatabase,
  query: DuplicateQuery,
  scope: DuplicateScope = ['counterparty', 'lead', 'contact'],
): Promise<DuplicateMatch[]> {
  const edrpouCode = compactCode(query.edrpou);
  const rnokppCode = compactCode(query.rnokpp);
  const taxCode = compactCode(query.taxCode);
  const phoneList = [...new Set((query.phones ?? []).map((p) => normalizePhone(String(p))).filter((p): p is string => !!p))];
  const emailList = [...new Set((query.emails ?? []).map((e) => String(e).trim().toLowerCase()).filter(Boolean))];
  const codes = [edrpouCode, rnokppCode, taxCode].filter((c): c is string => !!c);

  const matches: DuplicateMatch[] = [];
  const add = (type: DuplicateMatch['type'], record: { id: Id; name: string }, fields: DuplicateField[]) => {
    if (record.id !== query.excludeId && fields.length) matches.push({ type, id: record.id, name: record.name, fields });
  };
  const channelFields = (record: { phones: string[]; emails: string[] }): DuplicateField[] => [
    ...(record.phones.some((p) => phoneList.includes(p)) ? (['phones'] as const) : []),
    ...(record.emails.some((e) => emailList.includes(e)) ? (['emails'] as const) : []),
  ];
  const byChannels = async <T extends { id: Id }, TInsert>(table: Table<T, Id, TInsert>): Promise<T[]> => {
    const found = new Map<Id, T>();
    if (phoneList.length) for (const r of await table.where('phones').anyOf(phoneList).toArray()) found.set(r.id, r);
    if (emailList.length) for (const r of await table.where('emails').anyOf(emailList).toArray()) found.set(r.id, r);
    return [...found.values()];
  };

  if (scope.includes('counterparty')) {
    const found = new Map<Id, Counterparty>();
    const edrpous = [edrpouCode, taxCode].filter((c): c is string => !!c && c.length === 8);
    const rnokpps = [rnokppCode, taxCode].filter((c): c is string => !!c && c.length === 10);
    if (edrpous.length) for (const r of await db.counterparties.where('edrpou').anyOf(edrpous).toArray()) found.set(r.id, r);
    if (rnokpps.length) for (const r of await db.counterparties.where('rnokpp').anyOf(rnokpps).toArray()) found.set(r.id, r);
    for (const r of await byChannels(db.counterparties)) found.set(r.id, r);
    for (const record of [...found.values()].sort(byName)) {
      const fields: DuplicateField[] = [];
      if (edrpouCode && record.edrpou === edrpouCode) fields.push('edrpou');
      if (rnokppCode && record.rnokpp === rnokppCode) fields.push('rnokpp');
      if (taxCode && (record.edrpou === taxCode || record.rnokpp === taxCode)) fields.push('taxCode');
      add('counterparty', record, [...fields, ...channelFields(record)]);
    }
  }
  if (scope.includes('lead')) {
    const found = new Map<Id, Lead>();
    if (codes.length) for (const r of await db.leads.where('taxCode').anyOf(codes).toArray()) found.set(r.id, r);
    for (const r of await byChannels(db.leads)) found.set(r.id, r);
    for (const record of [...found.values()].filter((lead) => lead.status !== 'converted').sort(byName)) {
      const fields: DuplicateField[] = [];
      if (record.taxCode) {
        if (record.taxCode === edrpouCode) fields.push('edrpou');
        if (record.taxCode === rnokppCode) fields.push('rnokpp');
        if (record.taxCode === taxCode) fields.push('taxCode');
      }
      add('lead', record, [...fields, ...channelFields(record)]);
    }
  }
  if (scope.includes('contact')) {
    for (const record of (await byChannels(db.contacts)).sort(byName)) add('contact', record, channelFields(record));
  }
  return matches;
}
