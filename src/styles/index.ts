export { hostStyles, tokenDefaults, sizeTokenDefaults } from './tokens.js';
export type { CrmToken } from './tokens.js';
