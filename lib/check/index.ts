import { parse } from '../parse';
import type { Registry } from '../registry/registry';
import { assemble } from './assemble';
import { candidates } from './candidates';
import { claimOf, institutionIn } from './claim';
import { claimKey, rememberClaimKey } from './claim-key';
import { judge } from './judge';
import { locate } from './locate';
import { nearest } from './nearest';
import { toMatched } from './outlet';
import type { CheckResult } from './result';

/**
 * The check: a text in, one of six verdicts out. Each step is a module of its own and
 * returns a value; none changes what another returned.
 *   parse       the text into address parts (lib/parse)
 *   claim       the parts in the forms the registry is compared in; whether it is an address
 *   candidates  the registered outlets there, each compared part by part, best first
 *   judge       the verdict and its reasons, from the decision table
 *   locate      where the address is, for the map
 *   nearest     the named bank's outlets closest to it, when it is not one
 *   assemble    the answer
 */

export { VERDICTS, type Verdict } from './verdicts';
export type { CheckResult, MatchedOutlet } from './result';

export function check(input: string, registry: Registry): CheckResult {
  const parsed = parse(input);
  const claim = claimOf(parsed, institutionIn(registry, input, parsed));
  const found = candidates(registry, claim);
  const judgement = judge(registry, claim, found);
  const matches = found.fits.map((x) => toMatched(x.o, x.fit.relation));
  const where = locate(registry, found, judgement.decidedBy);
  const near = nearest(registry, claim, judgement.verdict, where, found.cityKey, matches);
  const result = assemble(registry, { input, parsed, claim, found, judgement, matches, where, nearest: near });
  rememberClaimKey(result, claimKey(parsed, claim));
  return result;
}
