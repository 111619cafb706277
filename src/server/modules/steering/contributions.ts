import type { FigureContribution } from '../../platform/steering/figure.contribution.js';
import { accommodationFigures } from '../accommodation/figures.service.js';
import { aftercareFigures } from '../aftercare/figures.service.js';
import { placementFigures } from '../placement/figures.service.js';
import { preventionFigures } from '../prevention/figures.service.js';
import { sustainmentFigures } from '../sustainment/figures.service.js';

/**
 * The modules on the steering dashboard, in the order their groups appear. A new module
 * (accommodation) exports a `FigureContribution` and is added here; the dashboard stays as it is.
 */
export const FIGURE_CONTRIBUTIONS: readonly FigureContribution[] = [
  preventionFigures,
  placementFigures,
  sustainmentFigures,
  aftercareFigures,
  accommodationFigures,
];
