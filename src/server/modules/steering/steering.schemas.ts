export {
  ZFigureCases,
  ZFigureCasesQuery,
  ZFigures,
  ZFiguresQuery,
  ZTargetInput,
  ZTargets,
  ZTargetsQuery,
} from '../../../contracts/steering.js';
