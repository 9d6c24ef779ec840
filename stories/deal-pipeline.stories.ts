import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/deal-pipeline/deal-pipeline.js';
import type { DealBoardData } from '../src/components/deal-pipeline/deal-pipeline.js';
import type { Deal, Stage } from '../src/store/index.js';

interface Args {
  pipeline?: string;
  manager?: string;
  source?: string;
  from?: string;
  to?: string;
  perStage?: number;
  board?: DealBoardData | null;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
}

const DAY = 86_400_000;
const now = Date.now();
const stamp = { createdAt: now - 40 * DAY, updatedAt: now - 40 * DAY };
const stageNames = ['Нова угода', 'Перший контакт', 'Кваліфікація', 'Презентація', 'Узгодження умов', 'Виконання'];
const stages: Stage[] = stageNames.map((name, order) => ({ id: `stage-${order}`, pipelineId: 'story', name, order, ...stamp }));

function deal(id: string, title: string, stageId: string, minor: number, daysInStage: number, managerId?: string): Deal {
  return {
    id,
    title,
    pipelineId: 'story',
    stageId,
    status: 'open',
    amount: { minor, currency: 'UAH' },
    clientType: 'counterparty',
    clientId: `client-${id}`,
    ...(managerId ? { managerId } : {}),
    stageEnteredAt: now - daysInStage * DAY,
    ...stamp,
  };
}

/** An unbound board: the given deals placed in their stages; totals from the deals given unless `counts` says more. */
function board(deals: Deal[], clientName: (deal: Deal) => string, pipelineName = 'Продажі'): DealBoardData {
  const columns = stages.map((stage) => {
    const inStage = deals.filter((d) => d.stageId === stage.id);
    return { stage, count: inStage.length, sums: { UAH: inStage.reduce((sum, d) => sum + d.amount.minor, 0) }, deals: inStage };
  });
  return {
    pipelineName,
    stages: columns,
    count: deals.length,
    sums: { UAH: deals.reduce((sum, d) => sum + d.amount.minor, 0) },
    clientNames: Object.fromEntries(deals.map((d) => [d.clientId, clientName(d)])),
    managerNames: { m1: 'Ірина Бондаренко', m2: 'Олександра-Анастасія Вишневецька-Бондаренко' },
    nextActivities: deals[0] ? { [deals[0].id]: { type: 'interaction', id: 'i1', kind: 'call', at: now + DAY, title: 'Узгодити дату замірів' } } : {},
    lostReasons: [{ id: 'r1', name: 'Дорого', archived: 0, ...stamp }],
  };
}

const longTitle = 'Комплексне облаштування житлового комплексу «Дніпровські зорі» меблями з масиву дуба та горіха, з доставкою і монтажем';
const longClient = 'Товариство з обмеженою відповідальністю «Будівельно-меблева компанія Поділля-Трейд Інвест»';

const meta: Meta<Args> = {
  title: 'Elements/crm-deal-pipeline',
  component: 'crm-deal-pipeline',
  argTypes: {
    pipeline: { control: 'text', description: 'Pipeline id (unset: the first pipeline of the store)' },
    manager: { control: 'text', description: 'Only deals of this manager (user id)' },
    source: { control: 'text', description: 'Only deals from this source (id)' },
    from: { control: 'text', description: 'Created on or after (YYYY-MM-DD)' },
    to: { control: 'text', description: 'Created on or before (YYYY-MM-DD)' },
    perStage: { control: { type: 'number', min: 1 }, description: 'Cards loaded per column (and per page after)' },
    board: { control: 'object', description: 'Unbound: the board to show (null: loading); no store is touched' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ pipeline, manager, source, from, to, perStage, board: data, headingLevel, lang, theme }) => html`
    <crm-deal-pipeline
      pipeline=${pipeline || nothing}
      manager=${manager || nothing}
      source=${source || nothing}
      from=${from || nothing}
      to=${to || nothing}
      per-stage=${perStage ?? nothing}
      heading-level=${headingLevel ?? nothing}
      lang=${lang ?? nothing}
      theme=${theme ?? nothing}
      .board=${data}
    ></crm-deal-pipeline>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Bound to the story's store with the sample business: its first pipeline, every open deal. */
export const Many: Story = {};

/** Bound, only ten cards per column at first: the totals still count every deal; scroll a column to load more. */
export const TenPerColumn: Story = { args: { perStage: 10 } };

/** Bound, filtered to deals created in a period that has none: every column empty, totals zero. */
export const NoMatchingDeals: Story = { args: { from: '2999-01-01' } };

/** A pipeline with stages and no deals yet (unbound). */
export const Empty: Story = { args: { board: board([], () => '') } };

export const OneCard: Story = {
  args: { board: board([deal('d1', 'Кухня на замовлення', 'stage-1', 12_500_000, 3, 'm1')], () => 'ФОП Олена Коваль') },
};

export const VeryLongNames: Story = {
  args: {
    board: board(
      [
        deal('d1', longTitle, 'stage-0', 123_456_789_000, 45, 'm2'),
        deal('d2', `${longTitle} (друга черга)`, 'stage-0', 98_700_000, 2),
        deal('d3', longTitle, 'stage-3', 500_000, 0, 'm2'),
      ],
      () => longClient,
      'Оптові замовлення меблів з масиву для готелів, ресторанів і житлових комплексів',
    ),
  },
};

/** Unbound with `board` set to `null`: the page's data has not arrived yet. */
export const Loading: Story = { args: { board: null } };

/** Bound to a pipeline id that does not exist. */
export const UnknownPipeline: Story = { args: { pipeline: 'no-such-pipeline' } };

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const EnglishDarkLongNames: Story = { args: { ...VeryLongNames.args, lang: 'en', theme: 'dark' } };
