import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/components/pipeline-editor/pipeline-editor.js';
import { getStore, type CrmStore, type Stage } from '../src/store/index.js';

interface Args {
  /** Bound: a pipeline id of the story's store; empty, the sample pipeline named `sample` is picked. */
  pipeline?: string;
  /** The name of the pipeline to pick from the story's store. */
  sample?: string;
  stages?: Stage[];
  counts?: Record<string, number>;
  pipelineName?: string;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
}

const longNames = [
  'Переговори з керівництвом замовника щодо умов постачання й монтажу обладнання',
  'Погодженнятехнічногозавданнязвідділомзакупівельтаюристами',
  'Договір',
];

/** The id of the story store's pipeline of that name (a made-up id when there is none). */
async function pickPipeline(database: string, name = 'Продажі'): Promise<string> {
  const pipelines = await getStore(database).pipelines.list();
  return pipelines.find((pipeline) => pipeline.name === name)?.id ?? 'no-such-pipeline';
}

/** A pipeline with a single stage, and one with very long names and a few deals. */
async function seedExtra(store: CrmStore): Promise<void> {
  await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка'] });
  const { pipeline, stages } = await store.pipelines.create({
    name: 'Комплексне оснащення виробничих приміщень під ключ для мережі регіональних філій',
    stages: longNames,
  });
  const lead = await store.leads.create({ name: 'Тарас Шевчук' });
  for (const title of ['Цех у Житомирі', 'Склад у Вінниці'])
    await store.deals.create({ title, pipelineId: pipeline.id, stageId: stages[0]!.id, client: { type: 'lead', id: lead.id } });
}

const now = Date.now();
const plainStages: Stage[] = ['Заявка', 'Замір', 'Кошторис', 'Монтаж', 'Здача робіт'].map((name, order) => ({
  id: `stage-${order + 1}`,
  pipelineId: 'pipeline-service',
  name,
  order,
  createdAt: now,
  updatedAt: now,
}));

const meta: Meta<Args> = {
  title: 'Elements/crm-pipeline-editor',
  component: 'crm-pipeline-editor',
  argTypes: {
    pipeline: { control: 'text', description: 'Bound: a pipeline id of the story’s store (empty: the `sample` pipeline is picked)' },
    sample: { control: 'inline-radio', options: ['Продажі', 'Оптові замовлення', 'Сервіс'], description: 'Which sample pipeline to pick' },
    stages: { control: 'object', description: 'Unbound: the stages in order (wins over `pipeline`)' },
    counts: { control: 'object', description: 'Unbound: open deals per stage id' },
    pipelineName: { control: 'text', description: 'Unbound: the pipeline’s name' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { headingLevel: 2 },
  parameters: { crm: { seed: seedExtra } },
  render: (args, { loaded }) => {
    const editor = (pipeline: string | undefined) => html`<crm-pipeline-editor
      pipeline=${pipeline ?? nothing}
      .stages=${args.stages}
      .counts=${args.counts}
      pipeline-name=${args.pipelineName ?? nothing}
      heading-level=${args.headingLevel ?? 2}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
    ></crm-pipeline-editor>`;
    if (args.stages || !args.sample) return editor(args.pipeline || undefined);
    const picked = args.pipeline ? Promise.resolve(args.pipeline) : pickPipeline(loaded.database as string, args.sample);
    return html`${until(picked.then(editor), nothing)}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Bound to the sample "Продажі" pipeline: eight stages with their open-deal counts, live; every change writes through the store. */
export const Bound: Story = { args: { sample: 'Продажі' } };

/** The sample wholesale pipeline: five stages. */
export const Wholesale: Story = { args: { sample: 'Оптові замовлення' } };

/** A pipeline with a single stage: it cannot be removed. */
export const OneStage: Story = { args: { sample: 'Сервіс' } };

/** Very long pipeline and stage names, one without spaces, wrap inside their rows. */
export const LongNames: Story = {
  args: { sample: 'Комплексне оснащення виробничих приміщень під ключ для мережі регіональних філій' },
};

/** Bound to an id that is not in the store. */
export const NotFound: Story = { args: { pipeline: 'no-such-pipeline', sample: 'Продажі' } };

/** Neither `pipeline` nor `.stages` yet: the host's data has not arrived. */
export const Loading: Story = {};

/** Unbound: plain stages and counts, no store; each change only fires `crm-pipeline-change-request`. */
export const Unbound: Story = {
  args: {
    stages: plainStages,
    counts: { 'stage-1': 7, 'stage-2': 3, 'stage-3': 0, 'stage-4': 12, 'stage-5': 1 },
    pipelineName: 'Сервісні виїзди',
  },
};

export const English: Story = { args: { sample: 'Продажі', lang: 'en' } };

export const Dark: Story = { args: { sample: 'Оптові замовлення', theme: 'dark' } };

export const EnglishDark: Story = { args: { ...Unbound.args, lang: 'en', theme: 'dark' } };
