import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/customer-classification/customer-classification.js';
import type { ClassificationData } from '../src/components/customer-classification/customer-classification.js';

interface Args {
  from?: string;
  to?: string;
  abc?: string;
  xyz?: string;
  data?: ClassificationData;
  loading?: boolean;
  lang?: string;
  theme?: 'light' | 'dark';
}

/** Plain data for the unbound stories: twelve customers over Q1 2025, one with a very long name. */
function sample(count = 12): ClassificationData {
  const names = ['ТОВ «Дніпро-Буд»', 'ФОП Коваль Ірина Степанівна', 'ПП «Зоря»', 'ТОВ «Лан»', 'Кафе «Смачна хата»', 'ТОВ «Меблі-Профі»'];
  const customers = Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    name: i === 1 ? 'Товариство з обмеженою відповідальністю «Західноукраїнська будівельно-меблева компанія “Дубовий лист і партнери”»' : `${names[i % names.length]} ${i + 1}`,
  }));
  const orders = customers.flatMap((customer, i) =>
    ['2025-01-15', '2025-02-15', '2025-03-15']
      .filter((_, m) => i % 3 === 0 || (i + m) % 3 === 0)
      .map((date, m) => ({ customerId: customer.id, date, amount: Math.round(200_000_00 / (i + 1)) + m * 10_000_00 * (i % 4) })),
  );
  return { customers, orders };
}

const meta: Meta<Args> = {
  title: 'Elements/crm-customer-classification',
  component: 'crm-customer-classification',
  argTypes: {
    from: { control: 'text', description: 'First day, YYYY-MM-DD (default: 12 months ago)' },
    to: { control: 'text', description: 'Last day, YYYY-MM-DD (default: today)' },
    abc: { control: 'text', description: 'ABC shares, e.g. "80 15 5"' },
    xyz: { control: 'text', description: 'XYZ limits, e.g. "10 25"' },
    data: { control: 'object', description: 'Unbound: customers and orders' },
    loading: { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ from, to, abc, xyz, data, loading, lang, theme }) => html`
    <crm-customer-classification
      from=${from ?? nothing}
      to=${to ?? nothing}
      abc=${abc ?? nothing}
      xyz=${xyz ?? nothing}
      .data=${data}
      ?loading=${loading}
      lang=${lang ?? nothing}
      theme=${theme ?? nothing}
    ></crm-customer-classification>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Bound to the story's store, seeded with the sample business: the last 12 months. */
export const SampleBusiness: Story = {};

/** Unbound: plain customers and orders, many of them, one with a very long name. */
export const Many: Story = { args: { from: '2025-01-01', to: '2025-03-31', data: sample() } };

export const One: Story = { args: { from: '2025-01-01', to: '2025-03-31', data: sample(1) } };

export const Empty: Story = { args: { from: '2025-01-01', to: '2025-03-31', data: { customers: [], orders: [] } } };

/** Unbound while the host is still fetching its data. */
export const Loading: Story = { args: { loading: true } };

/** Bound with a period that ends before it starts: the store refuses the query. */
export const QueryError: Story = { args: { from: '2025-03-01', to: '2025-01-01' } };

export const CustomThresholds: Story = { args: { ...Many.args, abc: '70 20 10', xyz: '20 50' } };

export const English: Story = { args: { ...Many.args, lang: 'en' } };

export const Dark: Story = { args: { ...Many.args, theme: 'dark' } };
