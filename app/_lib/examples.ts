import demoExamples from '@/data/demo/examples.json';
import { check, type Verdict } from '@/lib/check';
import type { Registry } from '@/lib/registry/registry';

/**
 * The home page's worked examples. For the demo registry they are written by hand
 * (data/demo/examples.json; the tests use them too); with a real registry they are made from
 * its own licensed outlets: two real counters, an office upstairs in one of their buildings,
 * and a message with no address. Each is checked before it is shown, so that an example never
 * claims a verdict the registry does not give; made once per registry version.
 */

const DEMO_EXAMPLES = Object.entries(demoExamples) as [Verdict, string][];
const made = new Map<string, [Verdict, string][]>();

function fromOutlets(registry: Registry): [Verdict, string][] {
  const [a, b] = registry.exampleOutlets(2, ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行']);
  const candidates: [Verdict, string][] = [];
  if (a) candidates.push(['registered_branch', `${a.bank} ${a.address}`]);
  if (b) candidates.push(['registered_branch', `【${b.bank}】请携带身份证到${b.address}办理`]);
  if (a) candidates.push(['office_floor', `我是${a.bank}的信贷经理，请到${a.address}18楼1803室签合同，先交3%手续费`]);
  candidates.push(['insufficient', '您好，您的贷款额度已审批通过，请尽快联系王经理办理']);
  return candidates.filter(([verdict, text]) => check(text, registry).verdict === verdict);
}

export function examplesOf(registry: Registry): [Verdict, string][] {
  if (registry.info.demo) return DEMO_EXAMPLES;
  let list = made.get(registry.info.version);
  if (!list) made.set(registry.info.version, (list = fromOutlets(registry)));
  return list;
}
