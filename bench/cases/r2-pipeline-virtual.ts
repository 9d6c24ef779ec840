// R2: crm-deal-pipeline with 10 000 deals (unbound: the board given as data)
// until its first frame shows the cards in view ÷ a minimal Lit board with
// @lit-labs/virtualizer over the same deals (7 columns, each a lit-virtualizer
// over all its deals, a plain card template with the same fields, the same
// stylesheets so cards have the same size). Both clocks run from creating the
// element to the frame painted with the cards in view (`result`: the cards
// in view per column, the same on both sides; each draws a few more out of view). Ours
// gets `per-stage` = all deals, so its lanes virtualize the same lists.
import type { CrmDealPipeline, DealBoardData } from '../../src/components/deal-pipeline/deal-pipeline.js';
import type { Stage } from '../../src/store/types.js';
import { painted, stage, type BenchCase } from '../harness.js';
import { BenchMinimalBoard, boardOf, cardsDrawn, makeDeals, makeStages, minimalColumns, pipelineSheets, visibleCards, type MinimalColumn } from './pipeline-fixtures.js';

let stages: Stage[];
let data: DealBoardData;
let columns: MinimalColumn[];
const final = new Map<string, string>();

/** Creates the variant's board and waits until the cards in view are drawn where they settle (known after the first run), then painted. */
async function render(variant: string): Promise<{ ms: number; result: string }> {
  const host = stage();
  await painted();
  const start = performance.now();
  let el: HTMLElement;
  if (variant === 'ours') {
    const board = document.createElement('crm-deal-pipeline');
    // Every deal in its column's list, as the baseline's (not the first page of 50).
    board.perStage = data.count;
    board.board = data;
    el = board;
  } else {
    const board = document.createElement('bench-minimal-board') as BenchMinimalBoard;
    board.columns = columns;
    board.data = data;
    el = board;
  }
  host.append(el);
  await (el as CrmDealPipeline).updateComplete;
  const expected = final.get(variant);
  await cardsDrawn(el, stages, expected, visibleCards);
  await painted();
  const ms = performance.now() - start;
  const result = visibleCards(el, stages).join();
  if (!expected) final.set(variant, result);
  stage();
  return { ms, result };
}

export const cases: BenchCase[] = [
  {
    id: 'R2',
    title: 'crm-deal-pipeline with 10 000 deals (unbound), first frame with the cards in view ÷ a minimal Lit board, one lit-virtualizer per column over all its deals',
    store: false,
    variants: ['ours', 'minimal Lit + virtualizer'],
    compare: [{ floor: 'minimal Lit + virtualizer', target: 1.2 }],
    async setup(scale) {
      stages = makeStages();
      data = boardOf(makeDeals(scale.smoke ? 300 : 10_000, stages), stages);
      columns = minimalColumns(data);
      BenchMinimalBoard.adopt(pipelineSheets());
      final.clear();
      // Once each, untimed: the cards each variant settles on in view.
      await render('ours');
      await render('minimal Lit + virtualizer');
    },
    run: render,
    async teardown() {
      stage();
    },
  },
];
