/**
 * The insight registry: one descriptor per kind (how it is found, what it cites, which thresholds
 * it reads). The key order is the order the cards show the kinds. A kind in `InsightKind` without
 * a descriptor here does not compile; its words, drill and coach title live in the presentation
 * map (src/features/insights/insightKinds.ts). Recipe: docs/architecture.md, "Add an insight".
 */
import { praiseCorrectionFindings, relationshipFindings } from './insightLinks';
import {
  concentrationFindings,
  expectationFindings,
  insufficientDataFindings,
  lensEquityFindings,
  lensGapFindings,
  notAddressedFindings,
  placementFindings,
} from './insightRules';
import type { InsightKind, InsightRegistry } from './insightTypes';
import { RESEARCH as R } from './research';

export const INSIGHTS: InsightRegistry = {
  insufficientData: {
    derive: (result) => insufficientDataFindings(result),
    research: [],
    thresholds: [],
  },
  notAddressed: {
    derive: (result) => notAddressedFindings(result),
    research: R.floor,
    thresholds: [],
  },
  expectationGap: {
    derive: (result, t) => expectationFindings(result, t, 'expectationGap'),
    research: R.expectation,
    thresholds: ['groupRatio', 'minGroupPupils'],
  },
  higherOrder: {
    derive: (result, t) => expectationFindings(result, t, 'higherOrder'),
    research: R.higherOrder,
    thresholds: ['groupRatio', 'minGroupPupils'],
  },
  lensEquity: {
    derive: (result, t) => lensEquityFindings(result, t),
    research: R.equity,
    thresholds: ['groupRatio', 'minGroupPupils'],
  },
  expectationVsAchievement: {
    derive: (result) => placementFindings(result),
    research: R.placement,
    thresholds: [],
  },
  lensExpectationGap: {
    derive: (result, t) => lensGapFindings(result, t),
    research: R.lensGap,
    thresholds: ['lensGap', 'minGroupPupils'],
  },
  praiseCorrection: {
    derive: (result, t) => praiseCorrectionFindings(result, t),
    research: R.feedback,
    thresholds: ['minCorrections', 'praiseShareFactor'],
  },
  concentration: {
    derive: (result, t) => concentrationFindings(result, t),
    research: R.concentration,
    thresholds: ['topFifthShare', 'gini'],
  },
  relationshipCorrection: {
    derive: (result, t) => relationshipFindings(result, t, 'relationshipCorrection'),
    research: R.relationship,
    thresholds: ['rho', 'bandRatio'],
  },
  relationshipRegard: {
    derive: (result, t) => relationshipFindings(result, t, 'relationshipRegard'),
    research: R.relationship,
    thresholds: ['rho', 'bandRatio'],
  },
};

/** Every kind of insight, in the order the cards show them (the registry's order). */
export const INSIGHT_KINDS = Object.keys(INSIGHTS) as readonly InsightKind[];
