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

const TEXT: Record<ReasonCode, [string, string]> = {
  at_registered_outlet: ['这个地址是{bank}「{name}」登记的网点地址：{address}。', 'This is the registered address of {bankEn} "{name}": {address}.'],
  outlet_upstairs: ['{bank}「{name}」登记在{registeredFloor}，而你收到的地址在{claimedFloor}：那不是银行网点，是同一栋楼里的其他办公室。', '{bankEn} "{name}" is registered on {registeredFloorEn}; the address you received is on {claimedFloorEn}: not the bank, another office in the same building.'],
  outlet_floor_differs: ['{bank}「{name}」登记在{registeredFloor}，与地址中的{claimedFloor}不符。', '{bankEn} "{name}" is registered on {registeredFloorEn}, not on {claimedFloorEn}.'],
  street_level_outlet: ['登记地址没有写楼层，网点在临街的一、二层。', 'The registered address names no floor: the outlet is at street level.'],
  said_upstairs: ['消息说在楼上，登记的网点在临街一层：{bank}「{name}」不在楼上，楼上是其他办公室。', 'The message says upstairs; the registered outlet is at street level: {bankEn} "{name}" is not upstairs, the office upstairs is someone else\'s.'],
  said_above_bank: ['消息说在银行楼上或同一栋楼的其他楼层：那里不是{bank}「{name}」（登记在{registeredFloor}），是同一栋楼里的其他办公室。', 'The message places the office above the bank or on another floor of its building: not {bankEn} "{name}" (registered on {registeredFloorEn}), another office in the building.'],
  room_implies_floor: ['房间号{room}意味着在{floor}楼左右。', 'Room {room} means about floor {floor}.'],
  other_tower: ['网点在{registeredTower}，地址指向{claimedTower}：是另一栋楼。', 'The outlet is in {registeredTower}; the address points to {claimedTower}: another tower.'],
  other_room: ['网点登记的房号是{registeredRoom}，地址写的是{claimedRoom}。', 'The outlet is registered as unit {registeredRoom}; the address says {claimedRoom}.'],
  other_bank_here: ['这里登记的是{otherBank}的网点「{name}」，不是{bank}。', 'The outlet registered here is {otherBankEn} "{name}", not {bankEn}.'],
  claimed_bank_elsewhere: ['{bank}在这里没有登记网点。', '{bankEn} has no registered outlet here.'],
  self_service_only: ['这里登记的只有自助银行或自助设备，不是可以签约办理贷款的网点。', 'Only a self-service site or machine is registered here: not a place to sign a loan.'],
  non_bank_office: ['这里登记的是非银行机构（如基金、保险公司）的办公地点，不是银行网点。', 'This is the office of a non-bank company (a fund or insurer), not a bank outlet.'],
  no_outlet_at_address: ['登记数据中，{bank}在{area}没有任何网点位于这个地址。', 'In the registry, {bankEn} has no outlet at this address in {areaEn}.'],
  licence_withdrawn: ['这里曾是{bank}「{name}」，但它的金融许可证已于{date}注销（机构已退出），这里现在没有登记在用的网点。', 'This was {bankEn} "{name}", but its licence was withdrawn on {date} (the outlet closed); no licensed outlet is here now.'],
  specialised_centre: ['「{name}」是持牌的专营机构（如信用卡中心、小企业信贷中心），不是对公众开放的营业柜台，不在这里签贷款合同。', '"{name}" is a licensed specialised centre (credit cards, small-business lending), not a counter open to the public: loans are not signed there.'],
  partial_coverage: ['登记数据收录了{bank}在{area}的部分网点许可证（{n} 家），这个地址不在其中；我们的数据不全，无法判断，请拨打{bank}的{call}核实。', 'The registry holds some of the licences of {bankEn} in {areaEn} ({n} outlets); this address is not among them. Our data is partial, so we cannot tell: call {bankEn} on {callEn} to check.'],
  partial_coverage_none: ['登记数据只收录了部分网点许可证，其中没有{bank}在{area}的网点；无法判断，请拨打{bank}的{call}核实。', 'The registry holds only some licences, and none of {bankEn} in {areaEn}; we cannot tell: call {bankEn} on {callEn} to check.'],
  partial_coverage_any: ['登记数据收录了{area}部分银行网点的许可证（{n} 家），这个地址不在其中；我们的数据不全，无法判断，请拨打银行官方客服电话核实。', 'The registry holds some of the bank licences in {areaEn} ({n} outlets); this address is not among them. Our data is partial, so we cannot tell: call the bank\'s official number to check.'],
  partial_coverage_none_any: ['登记数据只收录了部分网点许可证，其中没有这个地区的网点；无法判断，请拨打银行官方客服电话核实。', 'The registry holds only some licences, and none in this area; we cannot tell: call the bank\'s official number to check.'],
  outlet_moved: ['这是{bank}「{name}」的旧地址，网点已迁至：{address}。', 'This is the old address of {bankEn} "{name}"; it moved to: {address}.'],
  bank_not_covered: ['我们的登记数据不包含{bank}在{area}的网点，无法判断；请拨打{bank}官方客服电话核实。', 'Our registry has no data on {bankEn} outlets in {areaEn}, so we cannot tell; call {bankEn}\'s official number to check.'],
  area_not_covered: ['我们的登记数据没有覆盖{area}的所有银行，无法判断这个地址；请拨打银行官方客服电话核实。', 'Our registry does not cover every bank in {areaEn}, so we cannot tell; call the bank\'s official number to check.'],
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

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    return v === null || v === undefined || v === '' ? '—' : String(v);
  });
}

export function reason(code: ReasonCode, vars: Vars = {}): Reason {
  const [zh, en] = TEXT[code];
  return { code, message: fill(zh, vars), messageEn: fill(en, vars) };
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
