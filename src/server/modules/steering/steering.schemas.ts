export {
  ZFigureCases,
  ZFigureCasesQuery,
  ZFigures,
  ZFiguresQuery,
  ZRefreshed,
  ZTargetInput,
  ZTargets,
  ZTargetsQuery,
} from '../../../contracts/steering.js';
