import type { ApiResponse } from '../api';

export type TFiguresView = ApiResponse<'/steering/figures', 'get'>;
export type TFigure = TFiguresView['figures'][number];
