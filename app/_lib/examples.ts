import demoExamples from '@/data/demo/examples.json';
import type { Verdict } from '@/lib/check';
import type { Registry } from '@/lib/registry/registry';

/**
 * The home page's worked examples, one per verdict. For the demo registry they are written by
 * hand (data/demo/examples.json; the tests use them too); with a real registry they are made
 * from its own outlets, so that they always show what they claim: a registered outlet's
 * address, an office upstairs in the same building, and a message with no address.
 */

const DEMO_EXAMPLES = Object.entries(demoExamples) as [Verdict, string][];

export function examplesOf(registry: Registry): [Verdict, string][] {
  if (registry.info.demo) return DEMO_EXAMPLES;
  const o = registry.exampleOutlet();
  const made: [Verdict, string][] = o
    ? [
        ['registered_branch', `${o.bank} ${o.address}`],
        ['office_floor', `我是${o.bank}的信贷经理，请到${o.address}18楼1803室签合同`],
      ]
    : [];
  return [...made, ['insufficient', '您好，您的贷款额度已审批通过，请尽快联系王经理办理']];
}
