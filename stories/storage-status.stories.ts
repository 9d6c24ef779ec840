import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/storage-status/storage-status.js';

interface Args {
  usage?: number;
  quota?: number;
  persisted?: boolean;
  lang?: string;
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/crm-storage-status',
  component: 'crm-storage-status',
  argTypes: {
    usage: { control: { type: 'number', min: 0 }, description: 'Bytes used (unset: the browser’s figure)' },
    quota: { control: { type: 'number', min: 0 }, description: 'Bytes available (unset: the browser’s figure)' },
    persisted: { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ usage, quota, persisted, lang, theme }) => html`
    <crm-storage-status
      .usage=${usage}
      .quota=${quota}
      .persisted=${persisted}
      lang=${lang ?? nothing}
      theme=${theme ?? nothing}
    ></crm-storage-status>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The browser's own figures for this origin. */
export const FromTheBrowser: Story = {};

export const NotPersisted: Story = { args: { usage: 18_400_000, quota: 2_000_000_000, persisted: false } };

export const Persisted: Story = { args: { usage: 18_400_000, quota: 2_000_000_000, persisted: true } };

export const NearlyFull: Story = { args: { usage: 1_930_000_000, quota: 2_000_000_000, persisted: false } };

/** A browser that reports no figures (an old one, or a private window). */
export const UsageUnknown: Story = { args: { usage: 0, quota: 0 } };

export const English: Story = { args: { ...NotPersisted.args, lang: 'en' } };

export const Dark: Story = { args: { ...Persisted.args, theme: 'dark' } };
