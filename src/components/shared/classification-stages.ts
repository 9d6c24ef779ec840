import { html, type TemplateResult } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { relationshipStageOrder } from '../../store/reports/relationship.js';
import type { ClassificationView } from './classification-data.js';

/** @internal The customers per relationship stage: a labelled count and a bar (a `<meter>`) per stage. */
export function stageBreakdown(localize: CrmLocalizeController, view: ClassificationView, headingLevel: number): TemplateResult {
  const total = relationshipStageOrder.reduce((sum, stage) => sum + view.counts[stage], 0);
  return html`<section part="stages" class="stages" aria-labelledby="stages-title">
    <div id="stages-title" class="subtitle" role="heading" aria-level=${headingLevel}>${localize.term('classification.stages')}</div>
    <p class="hint">
      ${localize.term('classification.stagesHint', view.rules.regularPurchases, view.rules.regularMonths, view.rules.lapsedDays)}
    </p>
    <ul>
      ${relationshipStageOrder.map(
        (stage) => html`<li data-stage=${stage}>
          <span id="stage-${stage}" class="label">${localize.term(`classification.stage.${stage}`)}</span>
          <span class="count">${localize.formatNumber(view.counts[stage])}</span>
          <meter class="stage-${stage}" aria-labelledby="stage-${stage}" min="0" max=${Math.max(total, 1)} value=${view.counts[stage]}></meter>
        </li>`,
      )}
    </ul>
  </section>`;
}
