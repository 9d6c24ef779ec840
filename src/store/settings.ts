import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError } from './errors.js';
import { currencyCode, parseInput, requiredText } from './validation.js';

/** The business-wide settings and their types. */
export interface Settings {
  /** The business's name, shown in headers and documents. */
  businessName: string;
  /** The ISO 4217 currency new amounts default to. */
  currency: string;
}

export type SettingKey = keyof Settings;

/** A stored setting. */
export interface SettingRecord<K extends SettingKey = SettingKey> {
  key: K;
  value: Settings[K];
  createdAt: number;
  updatedAt: number;
}

/** Values a store starts with until a user changes them. */
export const defaultSettings: Readonly<Settings> = Object.freeze({
  businessName: '',
  currency: 'UAH',
});

const settingSchemas: { [K in SettingKey]: v.GenericSchema<unknown, Settings[K]> } = {
  businessName: requiredText(120),
  currency: currencyCode,
};

/** Reads and writes the business-wide settings. */
export interface SettingsRepository {
  /** The value of one setting, or its default. Usable inside `liveQuery`. */
  get<K extends SettingKey>(key: K): Promise<Settings[K]>;
  /** Every setting, defaults filled in. Usable inside `liveQuery`. */
  all(): Promise<Settings>;
  /**
   * Validates and stores one setting; returns the written record. Refuses with
   * `VALIDATION`: an unknown `key` (`error.unknownSetting`); an empty or
   * over-120-character `businessName` (`error.required`, `error.tooLong`); a
   * `currency` that is not an ISO 4217 code (`error.currency`).
   */
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<SettingRecord<K>>;
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

export function createSettingsRepository(ctx: StoreContext): SettingsRepository {
  const { db } = ctx;
  return {
    async get(key) {
      const record = await db.settings.get(key);
      return (record?.value ?? defaultSettings[key]) as Settings[typeof key];
    },

    async all() {
      const records = await db.settings.toArray();
      const settings: Settings = { ...defaultSettings };
      for (const record of records) {
        if (isSettingKey(record.key)) Object.assign(settings, { [record.key]: record.value });
      }
      return settings;
    },

    async set(key, value) {
      if (!isSettingKey(key)) throw new CrmError('VALIDATION', 'error.unknownSetting', { field: 'key' });
      const parsed = parseInput(settingSchemas[key], value, key) as Settings[typeof key];
      return ctx.write([db.settings], async () => {
        const now = ctx.now();
        const existing = await db.settings.get(key);
        const record: SettingRecord<typeof key> = {
          key,
          value: parsed,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        await db.settings.put(record);
        return record;
      });
    },
  };
}
