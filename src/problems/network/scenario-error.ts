/** A scenario change that cannot be made (unknown id, selects nothing, wrong number of factors). */
export class ScenarioChangeError extends Error {
  override readonly name = 'ScenarioChangeError';
}
