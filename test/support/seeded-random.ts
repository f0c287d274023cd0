// The crash test and the benchmarks draw from the core's seeded PRNG (mulberry32): the same sequence for the same seed.
export { createSeededRandom as createRandom } from '../../src/core/analyses/seeded-random.js';
