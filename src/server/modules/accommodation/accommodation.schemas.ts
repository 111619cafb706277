export * from '../../../contracts/accommodation.js';
export * from '../../../contracts/accommodationStays.js';

export const tags = ['Unterbringung'];
