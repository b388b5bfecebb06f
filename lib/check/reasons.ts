import type { Reason } from './result';

/**
 * Why a verdict was given, as codes with one Chinese and one English sentence each. The
 * sentences are plain: they are read by people about to walk into a building.
 */

export const REASON_CODES = [
  'at_registered_outlet',
  'outlet_upstairs',
  'outlet_floor_differs',
  'street_level_outlet',
  'said_upstairs',
  'said_above_bank',
  'room_implies_floor',
  'other_tower',
  'other_room',
  'other_bank_here',
  'claimed_bank_elsewhere',
  'self_service_only',
  'non_bank_office',
  'no_outlet_at_address',
  'outlet_moved',
  'licence_withdrawn',
  'specialised_centre',
  'partial_coverage',
  'partial_coverage_none',
  'partial_coverage_any',
  'partial_coverage_none_any',
  'bank_not_covered',
  'area_not_covered',
  'area_unknown',
  'no_street_address',
  'road_without_number',
  'branch_name_differs',
  'branch_elsewhere',
  'no_bank_named',
  'demo_registry',
  'approximate_positions',
  'area_positions',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type { Reason } from './result';

type Vars = Record<string, string | number | null | undefined>;

/** A sentence in zh and en; or variants, the first whose named words are all given is used (no bank named, no district…). */
type Text = [string, string] | { needs: string[]; zh: string; en: string }[];

const TEXT: Record<ReasonCode, Text> = {
  at_registered_outlet: ['这个地址是{bank}「{name}」登记的网点地址：{address}。', 'This is the registered address of {bankEn} "{name}": {address}.'],
  outlet_upstairs: ['{bank}「{name}」登记在{registeredFloor}，而你收到的地址在{claimedFloor}：那不是银行网点，是同一栋楼里的其他办公室。', '{bankEn} "{name}" is registered on {registeredFloorEn}; the address you received is on {claimedFloorEn}: not the bank, another office in the same building.'],
  outlet_floor_differs: [
    { needs: ['claimedFloor'], zh: '{bank}「{name}」登记在{registeredFloor}，你收到的地址在{claimedFloor}：不是同一层。', en: '{bankEn} "{name}" is registered on {registeredFloorEn}; the address you received is on {claimedFloorEn}: not the same floor.' },
    { needs: [], zh: '{bank}「{name}」登记在{registeredFloor}，你收到的地址不在那一层。', en: '{bankEn} "{name}" is registered on {registeredFloorEn}; the address you received is not on that floor.' },
  ],
  street_level_outlet: ['登记地址没有写楼层：银行网点一般在临街的一、二层。', 'The registered address names no floor: a bank outlet is usually at street level.'],
  room_implies_floor: ['房间号{room}表示在{floor}楼。', 'Room {room} is on floor {floor}.'],
  other_tower: [
    { needs: ['registeredTower', 'claimedTower'], zh: '网点在{registeredTower}，你收到的地址在{claimedTower}：是另一栋楼。', en: 'The outlet is in {registeredTower}; the address you received is in {claimedTower}: another tower.' },
    { needs: ['claimedTower'], zh: '你收到的地址在{claimedTower}，登记的网点不在这一栋楼。', en: 'The address you received is in {claimedTower}; the registered outlet is not in that tower.' },
    { needs: [], zh: '你收到的地址和登记的网点不在同一栋楼。', en: 'The address you received and the registered outlet are in different towers.' },
  ],
  other_room: [
    { needs: ['registeredRoom', 'claimedRoom'], zh: '网点登记的房号是{registeredRoom}，你收到的地址是{claimedRoom}：不是同一个房间。', en: 'The outlet is registered as unit {registeredRoom}; the address you received says {claimedRoom}: another room.' },
    { needs: [], zh: '你收到的地址和登记的网点不是同一个房间。', en: 'The address you received is another room than the registered outlet.' },
  ],
  other_bank_here: [
    { needs: ['bank'], zh: '这里登记的是{otherBank}的网点「{name}」，不是{bank}的。', en: 'The outlet registered here is {otherBankEn} "{name}", not {bankEn}.' },
    { needs: [], zh: '这里登记的是{otherBank}的网点「{name}」。', en: 'The outlet registered here is {otherBankEn} "{name}".' },
  ],
  claimed_bank_elsewhere: [
    { needs: ['bank'], zh: '{bank}在这里没有登记的网点。', en: '{bankEn} has no registered outlet here.' },
    { needs: [], zh: '消息里说的银行在这里没有登记的网点。', en: 'The bank the message speaks of has no registered outlet here.' },
  ],
  self_service_only: ['这里登记的只有自助银行或取款机，没有银行工作人员，不能在这里签贷款合同。', 'Only a self-service site or cash machine is registered here: no bank staff, not a place to sign a loan.'],
  said_upstairs: ['消息说在楼上，登记的网点在临街一层：{bank}「{name}」不在楼上，楼上是其他办公室。', 'The message says upstairs; the registered outlet is at street level: {bankEn} "{name}" is not upstairs, the office upstairs is someone else\'s.'],
  said_above_bank: ['消息说在银行楼上或同一栋楼的其他楼层：那里不是{bank}「{name}」（登记在{registeredFloor}），是同一栋楼里的其他办公室。', 'The message places the office above the bank or on another floor of its building: not {bankEn} "{name}" (registered on {registeredFloorEn}), another office in the building.'],
  non_bank_office: ['这里登记的是非银行机构（如基金、保险公司）的办公地点，不是银行网点。', 'This is the office of a non-bank company (a fund or insurer), not a bank outlet.'],
  no_outlet_at_address: [
    { needs: ['bank', 'area'], zh: '登记数据里，{bank}在{area}没有网点登记在这个地址。', en: 'In the registry, {bankEn} has no outlet at this address in {areaEn}.' },
    { needs: ['bank'], zh: '登记数据里，{bank}没有网点登记在这个地址。', en: 'In the registry, {bankEn} has no outlet at this address.' },
    { needs: ['area'], zh: '登记数据里，{area}没有任何银行的网点登记在这个地址。', en: 'In the registry, no bank has an outlet at this address in {areaEn}.' },
    { needs: [], zh: '登记数据里，没有任何银行的网点登记在这个地址。', en: 'In the registry, no bank has an outlet at this address.' },
  ],
  licence_withdrawn: [
    { needs: ['date'], zh: '这里曾是{bank}「{name}」，但它的金融许可证已于{date}注销（网点已关闭），这里现在没有在营业的银行网点。', en: 'This was {bankEn} "{name}", but its licence was withdrawn on {date} (the outlet closed); no bank outlet is open here now.' },
    { needs: [], zh: '这里曾是{bank}「{name}」，但它的金融许可证已经注销（网点已关闭），这里现在没有在营业的银行网点。', en: 'This was {bankEn} "{name}", but its licence has been withdrawn (the outlet closed); no bank outlet is open here now.' },
  ],
  specialised_centre: ['「{name}」是银行的专门部门（如信用卡中心、小企业信贷中心），不对外开柜台办理业务，不会约你到这里签贷款合同。', '"{name}" is a specialised department of the bank (credit cards, small-business lending), with no counter open to the public: you would not be asked to sign a loan there.'],
  partial_coverage: ['登记数据收录了{bank}在{area}的部分网点许可证（{n} 家），这个地址不在其中；我们的数据不全，无法判断，请拨打{bank}的{call}核实。', 'The registry holds some of the licences of {bankEn} in {areaEn} ({n} outlets); this address is not among them. Our data is partial, so we cannot tell: call {bankEn} on {callEn} to check.'],
  partial_coverage_none: ['登记数据只收录了部分网点许可证，其中没有{bank}在{area}的网点；无法判断，请拨打{bank}的{call}核实。', 'The registry holds only some licences, and none of {bankEn} in {areaEn}; we cannot tell: call {bankEn} on {callEn} to check.'],
  partial_coverage_any: ['登记数据收录了{area}部分银行网点的许可证（{n} 家），这个地址不在其中；我们的数据不全，无法判断，请拨打银行官方客服电话核实。', 'The registry holds some of the bank licences in {areaEn} ({n} outlets); this address is not among them. Our data is partial, so we cannot tell: call the bank\'s official number to check.'],
  partial_coverage_none_any: ['登记数据只收录了部分网点许可证，其中没有这个地区的网点；无法判断，请拨打银行官方客服电话核实。', 'The registry holds only some licences, and none in this area; we cannot tell: call the bank\'s official number to check.'],
  outlet_moved: ['这是{bank}「{name}」的旧地址，网点已迁至：{address}。', 'This is the old address of {bankEn} "{name}"; it moved to: {address}.'],
  bank_not_covered: [
    { needs: ['area'], zh: '我们的登记数据里没有{bank}在{area}的网点，无法判断；请拨打{bank}官方客服电话核实。', en: 'Our registry has no data on {bankEn} outlets in {areaEn}, so we cannot tell; call {bankEn}\'s official number to check.' },
    { needs: [], zh: '我们的登记数据里没有{bank}在这一地区的网点，无法判断；请拨打{bank}官方客服电话核实。', en: 'Our registry has no data on {bankEn} outlets in this area, so we cannot tell; call {bankEn}\'s official number to check.' },
  ],
  area_not_covered: [
    { needs: ['area'], zh: '我们的登记数据没有{area}所有银行的网点，无法判断这个地址；请拨打银行官方客服电话核实。', en: 'Our registry does not hold every bank in {areaEn}, so we cannot tell; call the bank\'s official number to check.' },
    { needs: [], zh: '我们的登记数据没有这一地区所有银行的网点，无法判断这个地址；请拨打银行官方客服电话核实。', en: 'Our registry does not hold every bank in this area, so we cannot tell; call the bank\'s official number to check.' },
  ],
  area_unknown: ['地址里没有写明城市，也没有与登记网点相符的地方，无法判断在哪个地区。', 'The address names no city and matches no registered outlet, so we cannot tell which area it is in.'],
  no_street_address: ['消息里没有可以核验的具体地址（路名和门牌号，或楼宇名称）。', 'The text holds no address we can check (a road and number, or a building).'],
  road_without_number: ['消息只写了路名「{road}」，没有门牌号。{bank}在这条路上登记的网点有：{list}。请问对方是哪一个，再打银行官方客服电话核实。', 'The message names the road "{road}" but no number. {bankEn} outlets registered on it: {listEn}. Ask which one is meant, then check with the bank\'s official number.'],
  branch_name_differs: ['这个地址登记的网点名是「{name}」，而消息里说的是「{branch}」。', 'The outlet registered at this address is "{name}", while the message says "{branch}".'],
  branch_elsewhere: ['{bank}「{name}」确有其网点，但登记地址是：{address}。', '{bankEn} "{name}" exists, but its registered address is: {address}.'],
  no_bank_named: ['消息没有说是哪家银行。', 'The text names no bank.'],
  demo_registry: ['演示数据：当前使用的是虚构的示例网点，结果不代表真实银行。', 'Demo data: this registry holds made-up outlets; the result says nothing about real banks.'],
  area_positions: ['许可证登记没有坐标：地图上画的是网点所在街道或区县的范围，不是门牌的位置。', 'Licence records have no coordinates: the map shows the street or district the outlet is in, not its door.'],
  approximate_positions: ['地图位置为近似值（来源未注明坐标系）。', 'Map positions are approximate (the source did not state its coordinate system).'],
};

const given = (v: Vars[string]) => v !== null && v !== undefined && v !== '';

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    return v === null || v === undefined || v === '' ? '—' : String(v);
  });
}

export function reason(code: ReasonCode, vars: Vars = {}): Reason {
  const text = TEXT[code];
  const variants = typeof text[0] === 'string' ? [{ needs: [], zh: text[0], en: text[1] as string }] : (text as Exclude<Text, [string, string]>);
  // The last variant needs nothing: there is always one.
  const v = variants.find((x) => x.needs.every((k) => given(vars[k]))) ?? variants[variants.length - 1];
  return { code, message: fill(v.zh, vars), messageEn: fill(v.en, vars) };
}

/** A floor as a person says it: 18楼, 地下1层, 1-2层; English "floor 18", "basement 1". */
/** Floor designations with no number, in English. */
const LABEL_EN: Record<string, string> = { 楼上: 'upstairs', 裙楼: 'podium', 裙房: 'podium', 夹层: 'mezzanine', 架空层: 'open ground floor', 顶层: 'top floor', 顶楼: 'top floor', 地下室: 'basement', 底商: 'street-level shop' };

export function floorWords({ floors, labels }: { floors: number[]; labels: string[] }): { zh: string; en: string } {
  if (floors.length === 0) {
    if (labels.length) return { zh: labels.join('、'), en: labels.map((l) => LABEL_EN[l] ?? l).join(', ') };
    return { zh: '临街一层', en: 'street level' };
  }
  const one = (f: number) => (f < 0 ? { zh: `地下${-f}层`, en: `basement ${-f}` } : { zh: `${f}楼`, en: `floor ${f}` });
  const sorted = [...floors].sort((a, b) => a - b);
  const contiguous = sorted.every((f, i) => i === 0 || f === sorted[i - 1] + 1);
  if (sorted.length > 1 && contiguous && sorted[0] > 0) return { zh: `${sorted[0]}-${sorted[sorted.length - 1]}层`, en: `floors ${sorted[0]}-${sorted[sorted.length - 1]}` };
  const parts = sorted.map(one);
  return { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join(', ') };
}
