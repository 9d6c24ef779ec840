import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/funnel-report/funnel-report.js';
import type { FunnelRow, ManagerRow, SourceRow } from '../src/store/reports/sales.js';

type Variant = 'stages' | 'leads' | 'sources' | 'managers';
interface Args {
  variant?: Variant;
  pipeline?: string;
  from?: string;
  to?: string;
  manager?: string;
  source?: string;
  rows?: FunnelRow[] | SourceRow[] | ManagerRow[] | null;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
}

const year = new Date().getFullYear();
const names = ['Нова угода', 'Перший контакт', 'Кваліфікація', 'Презентація', 'Доопрацювання пропозиції', 'Узгодження умов'];
const reached = [120, 84, 61, 40, 22, 15];
const stageRows: FunnelRow[] = names.map((label, k) => ({
  key: `stage-${k}`,
  label,
  reached: reached[k]!,
  fromPrevious: k ? reached[k]! / reached[k - 1]! : null,
  fromStart: reached[k]! / reached[0]!,
  dropOff: k + 1 < reached.length ? reached[k]! - reached[k + 1]! : null,
  sums: { UAH: reached[k]! * 4_500_000 },
  medianDays: 2 + k * 1.5,
  dealIds: Array.from({ length: reached[k]! }, (_, i) => `deal-${i}`),
  ids: Array.from({ length: reached[k]! }, (_, i) => `deal-${i}`),
}));
const longStageRows = stageRows.map((row, k) => (k === 2 ? { ...row, label: 'Кваліфікація потреб клієнта, бюджету та осіб, які ухвалюють рішення щодо закупівлі' } : row));
const managerRows: ManagerRow[] = [
  { key: 'm1', label: 'Ірина Бондаренко', interactions: 148, won: 12, lost: 5, conversion: 12 / 17, revenue: 86_400_000, revenueByCurrency: { UAH: 86_400_000 }, averageCycleDays: 23.4, dealIds: ['d1'] },
  { key: 'm2', label: 'Олександра-Анастасія Вишневецька-Бондаренко', interactions: 96, won: 7, lost: 9, conversion: 7 / 16, revenue: 41_250_000, revenueByCurrency: { UAH: 41_250_000 }, averageCycleDays: 31, dealIds: ['d2'] },
  { key: '', label: '', interactions: 4, won: 0, lost: 1, conversion: 0, revenue: 0, revenueByCurrency: {}, averageCycleDays: null, dealIds: ['d3'] },
];

const meta: Meta<Args> = {
  title: 'Elements/crm-funnel-report',
  component: 'crm-funnel-report',
  argTypes: {
    variant: { control: 'inline-radio', options: ['stages', 'leads', 'sources', 'managers'] },
    pipeline: { control: 'text', description: 'Pipeline id (stages; unset: the first pipeline)' },
    from: { control: 'text', description: 'First day, YYYY-MM-DD (unset: this month)' },
    to: { control: 'text', description: 'Last day, inclusive, YYYY-MM-DD' },
    manager: { control: 'text', description: 'stages: only deals of this manager (user id)' },
    source: { control: 'text', description: 'stages: only deals from this source (id)' },
    rows: { control: 'object', description: 'Unbound: the rows to show (null: loading); no store is touched' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { variant: 'stages', from: `${year}-01-01`, to: `${year}-12-31` },
  render: ({ variant, pipeline, from, to, manager, source, rows, headingLevel, lang, theme }) => html`
    <crm-funnel-report
      variant=${variant ?? nothing}
      pipeline=${pipeline || nothing}
      from=${from || nothing}
      to=${to || nothing}
      manager=${manager || nothing}
      source=${source || nothing}
      heading-level=${headingLevel ?? nothing}
      lang=${lang || nothing}
      theme=${theme || nothing}
      .rows=${rows}
    ></crm-funnel-report>
  `,
};
export default meta;
type Story = StoryObj<Args>;

/** The deal funnel of the sample data's first pipeline over this year. */
export const Stages: Story = {};
/** Leads → customers → orders. */
export const Leads: Story = { args: { variant: 'leads' } };
/** Acquisition sources: revenue bars, spend, ROI. */
export const Sources: Story = { args: { variant: 'sources' } };
/** Manager efficiency. */
export const Managers: Story = { args: { variant: 'managers' } };
/** This month (the default period). */
export const ThisMonth: Story = { args: { from: undefined, to: undefined } };
/** A period with nothing in it. */
export const EmptyPeriod: Story = { args: { from: '2001-01-01', to: '2001-01-31' } };
/** Unbound: rows still on the way. */
export const Loading: Story = { args: { rows: null } };
/** A pipeline that does not exist. */
export const UnknownPipeline: Story = { args: { pipeline: 'no-such-pipeline' } };
/** Unbound: one stage. */
export const OneStage: Story = { args: { rows: stageRows.slice(0, 1) } };
/** Unbound: many stages, a very long stage name. */
export const VeryLongNames: Story = { args: { rows: longStageRows } };
/** Unbound managers with a very long name and the "no manager" row. */
export const UnboundManagers: Story = { args: { variant: 'managers', rows: managerRows } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const EnglishDarkSources: Story = { args: { variant: 'sources', lang: 'en', theme: 'dark' } };
