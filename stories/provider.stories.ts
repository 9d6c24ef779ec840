import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/provider/provider.js';
import '../src/components/storage-status/storage-status.js';

interface Args {
  database?: string;
  theme?: 'light' | 'dark';
}

/**
 * `crm-provider` has no look of its own: it gives the elements inside it a
 * store and, through `theme`, a colour scheme. Each story here nests one.
 */
const meta: Meta<Args> = {
  title: 'Elements/crm-provider',
  component: 'crm-provider',
  argTypes: {
    database: { control: 'text', description: 'Database name (empty: one of this story’s own)' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ database, theme }, { loaded }) => html`
    <crm-provider database=${database || `${loaded.database}-inner`} theme=${theme ?? nothing}>
      <crm-storage-status .usage=${2_500_000} .quota=${1_000_000_000} .persisted=${false}></crm-storage-status>
    </crm-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

/** Every element inside a `theme="dark"` provider turns dark. */
export const DarkTheme: Story = { args: { theme: 'dark' } };

/** Two tenants on one page: each provider names its own database, and each side follows its own `lang`. */
export const TwoTenantsTwoLanguages: Story = {
  render: (_args, { loaded }) => html`
    <div style="display: grid; gap: 1rem; grid-template-columns: 1fr 1fr">
      <crm-provider database=${`${loaded.database}-kyiv`} lang="uk">
        <crm-storage-status .usage=${2_500_000} .quota=${1_000_000_000} .persisted=${true}></crm-storage-status>
      </crm-provider>
      <crm-provider database=${`${loaded.database}-lviv`} lang="en">
        <crm-storage-status .usage=${7_300_000} .quota=${1_000_000_000} .persisted=${false}></crm-storage-status>
      </crm-provider>
    </div>
  `,
};
