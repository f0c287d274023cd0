// Columns every record table shares, declared with the record types (src/contracts/record-types).
export { recordColumns, sourcesColumn } from '../../contracts/record-types/record-columns.js';
