import { capabilityType } from './record-types/capability.record.js';
import { factType } from './record-types/fact.record.js';
import { partyType } from './record-types/party.record.js';
import { pledgeType } from './record-types/pledge.record.js';
import { requirementPackageType } from './record-types/requirement-package.record.js';
import { requirementType } from './record-types/requirement.record.js';
import { sourceType } from './record-types/source.record.js';

// zod schemas for the domain records of DESIGN.md §3, shared by the dataset, the scenario file and the API. Each
// record type is declared once in src/contracts/record-types/<type>.record.ts; these are its edge schemas.

export {
  areaIdSchema,
  capabilityIdSchema,
  confidentialitySchema,
  derivationSchema,
  derivationsSchema,
  factValueSchema,
  idSchema,
  isoDateSchema,
  localizedNameSchema,
  partyIdSchema,
  pledgeStatusSchema,
  quantitySchema,
  timeWindowSchema,
} from './field-schemas.js';

export const sourceSchema = sourceType.schema;
export const partySchema = partyType.schema;
export const capabilitySchema = capabilityType.schema;
export const factSchema = factType.schema;
export const pledgeSchema = pledgeType.schema;
export const requirementSchema = requirementType.schema;
export const packageSchema = requirementPackageType.schema;
