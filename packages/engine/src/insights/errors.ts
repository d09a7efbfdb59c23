/** Bad input to the insights: names the field (a dotted path such as `records[3].plans[0].authorised`). */
export class InsightsInputError extends Error {
  override readonly name = 'InsightsInputError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}.`);
  }
}

/** The viewer's role may not see what was asked for. */
export class InsightsAccessError extends Error {
  override readonly name = 'InsightsAccessError';
}
