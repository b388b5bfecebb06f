import type { Span } from './road';

/**
 * Several places in one message. Intermediaries write more than the address they send a person
 * to: the bank's old address and its new one (原…已搬迁，新地址…), a landmark (（区政府对面）,
 * 旁边, 隔壁), the district said again (人民路88号，鼓楼区那个网点), and a prefix naming who
 * speaks (工商银行XX支行贷款签约中心：, 信贷部：, 【XX银行】). These are found here as spans set
 * aside: the address is chosen among what is left, and each place set aside is reported with
 * its role.
 */
export type AsideRole = 'old' | 'landmark' | 'context' | 'prefix';

export interface Aside extends Span {
  role: AsideRole;
}

// Who speaks, before a colon: a bank, a branch, a desk, a sign. Never holds a numbered address.
const PREFIX = /(?:^|(?<=[\n。!?;,，):：]))\s*([^\n。!?;:：]{1,40}?)[:：]/g;
const PREFIX_WORD = /银行|[工农中建交招]行|支行|分行|营业部|网点|中心|信贷部|贷款部|客服|经理|专员|签约地址|签约地点|办理地址|地址|地点|位置/;
const NUMBERED_ADDRESS = /(?:路|街|道|巷|弄)[东西南北中]?段?\d|\d+号|\d+(?:楼|层|室)/;
const BANK_IN_BRACKETS = /\(([^()]{1,20})\)/g;

// A place-like span: a numbered road, or a named building with a floor or room.
const PLACE_LIKE = /(?:路|街|大道|巷|弄)[东西南北中]?段?(?:\d|[一二三四五六七八九十百]+号)|(?:大厦|大楼|广场|中心|商城)[^,，。]{0,8}?\d+(?:楼|层|室|F)/;

// A landmark: 对面, 旁边, 隔壁, 附近… and the name before it, back to the address's last part.
const LANDMARK_WORD = /(?:斜对面|正对面|对面|旁边|隔壁|附近|边上|后面|楼下)(?![路街道巷村])(?:的|那栋楼|那栋)?/g;
const LANDMARK_STOP = /[\d号楼层室座栋幢省市区县镇乡\s,，。!?;:：()在到去来至是]/;
const BRACKETS = /\(([^()]{1,40})\)/g;
const LANDMARK_IN_BRACKETS = /对面|旁边|隔壁|附近|边上|后面|路口往|往[东西南北]|以[东西南北]|[东西南北]侧|地铁|站[A-Za-z\d]口|出口/;

// An old address and a new one.
const OLD = /(?:原来?(?:的)?(?:地址|网点|地点|办公地址|办公点|位置|营业部)|原址|旧址|老地址|由(?=[\u4e00-\u9fa5]{2,16}?(?:路|街|大道|巷)[东西南北中]?段?[甲乙附]?\d)|以前(?=在|是|的地址|的网点)|之前(?=在|是|的地址|的网点)|曾经(?=在|是))(?:的地址|的网点)?(?:是|在|位于)?[:：]?/g;
const NEW = /变更为|更改为|改为|变为|搬至|迁移至|迁移到|新地址|新址|现址|现地址|现在(?:的地址|地址|搬到|迁到|搬去|在|是)|搬到了?|搬迁到|搬迁至|迁到|迁至|已迁往|迁往|现搬至|新的地址|新网点/;
const MOVED = /搬家了|已搬家|已搬迁|已经搬迁|已搬走|已经搬走|已迁走|已迁址|搬走了|已不在|不在那(?:里|边)?了|已关闭|已撤销/;

// The district or city said again in a clause of its own: 鼓楼区那个网点, 在庐阳区这边.
// (What follows the division is talk, never a road or a number: 瑶海区的建行, 在庐阳区这边🙏.)
const CONTEXT_CLAUSE = /^(?:就)?(?:在|是)?([\u4e00-\u9fa5]{2,8}?(?:省|市|区|县))(?!.*(?:路|街|大道|巷|号|大厦|广场|中心|楼|层|室|\d))/;

function clauses(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[,，。!?;；\n]/.test(text[i])) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

function landmarks(text: string, out: Aside[]) {
  BRACKETS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKETS.exec(text))) {
    if (LANDMARK_IN_BRACKETS.test(m[1]) && !NUMBERED_ADDRESS.test(m[1]) && !/\d{2,}/.test(m[1])) out.push({ start: m.index, end: m.index + m[0].length, role: 'landmark' });
  }
  // Where the text reads like an address, found once (a landmark counts only beside one).
  const placeSpans: Span[] = [];
  const PLACE_G = new RegExp(PLACE_LIKE.source, 'g');
  while ((m = PLACE_G.exec(text))) placeSpans.push({ start: m.index, end: m.index + m[0].length });
  LANDMARK_WORD.lastIndex = 0;
  while ((m = LANDMARK_WORD.exec(text))) {
    let s = m.index;
    while (s > 0 && m.index - s < 10 && !LANDMARK_STOP.test(text[s - 1])) s--;
    const e = m.index + m[0].length;
    // Context only beside an address: alone, "XX小学旁边" is how a courier address is written.
    if (!placeSpans.some((p) => p.end <= s || p.start >= e)) continue;
    out.push({ start: s, end: e, role: 'landmark' });
  }
}

const STOP_G = /[。!?;；\n]/g;

function oldAddresses(text: string, out: Aside[]) {
  const parts = clauses(text);
  const newAt = (() => {
    const m = NEW.exec(text);
    return m ? m.index : -1;
  })();
  if (newAt < 0) return;
  // From an old-address word to the new one (or the end of its sentence).
  OLD.lastIndex = 0;
  let m: RegExpExecArray | null;
  const NEW_G = new RegExp(NEW.source, 'g');
  while ((m = OLD.exec(text))) {
    // The old address runs to the next new one (新地址：A，原地址：B puts the new one first).
    NEW_G.lastIndex = m.index;
    const next = NEW_G.exec(text);
    const nextNew = next ? next.index : -1;
    // 太原, 平原, 中原: a place's name, not "formerly".
    if (m[0].startsWith('原') && /[太平中高草九西东南北宁广]$/.test(text.slice(0, m.index))) continue;
    let end = m.index + m[0].length;
    STOP_G.lastIndex = end;
    const stop = STOP_G.exec(text);
    const sentenceEnd = stop ? stop.index : text.length;
    end = Math.min(sentenceEnd, nextNew > m.index ? nextNew : sentenceEnd);
    out.push({ start: m.index, end, role: 'old' });
  }
  // A clause that says its place has moved, before the new address: 长江中路57号的网点已搬迁，
  for (const c of parts) {
    if (c.start >= newAt) break;
    const s = text.slice(c.start, Math.min(c.end, newAt));
    if (MOVED.test(s) && NUMBERED_ADDRESS.test(s)) out.push({ start: c.start, end: Math.min(c.end, newAt), role: 'old' });
  }
  // The old place itself: from where its address starts to before the words saying it moved.
  for (const a of out) {
    if (a.role !== 'old') continue;
    const s = text.slice(a.start, a.end);
    const cue = new RegExp(OLD.source).exec(s);
    const head = cue ? cue.index : s.search(/[\u4e00-\u9fa5]{2,3}(?:省|市)|[\u4e00-\u9fa5]{2,8}(?:路|街|大道|巷)[东西南北中]?段?[甲乙附]?\d/);
    const moved = MOVED.exec(s);
    if (moved && moved.index > Math.max(0, head)) a.end = a.start + moved.index;
    if (head > 0) a.start += head;
  }
}

function prefixes(text: string, out: Aside[]) {
  PREFIX.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PREFIX.exec(text))) {
    const body = m[1];
    if (!PREFIX_WORD.test(body) || NUMBERED_ADDRESS.test(body)) continue;
    const start = m.index + m[0].length - body.length - 1;
    out.push({ start, end: m.index + m[0].length, role: 'prefix' });
  }
  BANK_IN_BRACKETS.lastIndex = 0;
  while ((m = BANK_IN_BRACKETS.exec(text))) {
    if (/银行|[工农中建交招]行|信用社|农商/.test(m[1]) && !/\d/.test(m[1])) out.push({ start: m.index, end: m.index + m[0].length, role: 'prefix' });
  }
}

// 先到…交通银行，再往前走50米，金城大厦18楼: the first place is where to start from, the place
// after the directions is where the person is sent.
const THEN = /(?:再|然后|接着)?(?:往前|往[东西南北]|向前|向[东西南北])走(?:\d+|[一二三四五六七八九十百几]+)?(?:米|步|分钟)?|再走(?:\d+|[一二三四五六七八九十百几]+)(?:米|步)|过(?:马路|个路口|红绿灯)|(?:然后|再)(?:到|去|进)/g;
const FLOOR_OR_PLACE = /(?:大厦|大楼|广场|中心|商城|写字楼|\d+号)[^,，。;；]{0,10}?(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:楼|层|F)|(?:路|街|大道)\d+号/;

function directions(text: string, out: Aside[]) {
  THEN.lastIndex = 0;
  const m = THEN.exec(text);
  if (!m) return;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  if (!PLACE_LIKE.test(before) || !FLOOR_OR_PLACE.test(after)) return;
  const start = Math.max(before.lastIndexOf('\n') + 1, 0);
  out.push({ start, end: m.index + m[0].length, role: 'landmark' });
}

function contextClauses(text: string, out: Aside[]) {
  const parts = clauses(text);
  if (parts.length < 2) return;
  let placeBefore = false;
  for (const c of parts) {
    const s = text.slice(c.start, c.end);
    // Only after the address: a division opening a message is the address's own beginning.
    const m = placeBefore ? CONTEXT_CLAUSE.exec(s.trim()) : null;
    if (PLACE_LIKE.test(s)) placeBefore = true;
    if (!m) continue;
    // The aside starts at the division, so that the divisions can be read from it.
    const at = c.start + s.indexOf(m[1]);
    out.push({ start: at, end: c.end, role: 'context' });
  }
}

/** The places and prefixes of a message that are not the address a person is sent to. */
export function findAsides(text: string): Aside[] {
  const found: Aside[] = [];
  prefixes(text, found);
  landmarks(text, found);
  oldAddresses(text, found);
  contextClauses(text, found);
  directions(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps: the first (longest) wins.
  const out: Aside[] = [];
  for (const a of found) {
    const last = out[out.length - 1];
    if (last && a.start < last.end) {
      if (a.end > last.end && a.role === last.role) last.end = a.end;
      // 【交通银行】原地址：… — a place inside a prefix is the place, the prefix ends before it.
      else if (a.role !== last.role && a.role !== 'prefix' && last.role === 'prefix' && a.start > last.start) {
        last.end = a.start;
        out.push({ ...a });
      }
      continue;
    }
    out.push({ ...a });
  }
  return out;
}


export interface PlaceFound extends Span {
  role: 'checked' | 'other' | Exclude<AsideRole, 'prefix'>;
}

/**
 * Every place-like span of a message: the address chosen (`checked`), the places set aside
 * (old address, landmark, district said again), and any other clause that reads like an address.
 */
export function placesOf(text: string, region: Span, asides: Aside[]): PlaceFound[] {
  const out: PlaceFound[] = [];
  // The address ends before a landmark or an old address that closes it, with nothing of
  // the address after (…1803室（区政府对面） 王经理): those are listed on their own.
  const chosen = { ...region };
  for (const a of asides) {
    if (a.role === 'prefix' || a.start <= region.start || a.start >= region.end) continue;
    const after = text.slice(a.end, region.end);
    if (!PLACE_LIKE.test(after) && !/\d+(?:楼|层|F|室)/.test(after)) chosen.end = Math.min(chosen.end, a.start);
  }
  if (chosen.end > chosen.start) out.push({ ...chosen, role: 'checked' });
  for (const a of asides) {
    if (a.role === 'prefix') continue;
    if (a.start < chosen.end && a.end > chosen.start && chosen.end > chosen.start) continue;
    const t = text.slice(a.start, a.end).replace(/^[\s(（]+|[\s)）]+$/g, '');
    if (t.length < 2) continue;
    if (a.role === 'old' && !PLACE_LIKE.test(t) && !/[路街道巷]/.test(t)) continue;
    out.push({ start: a.start, end: a.end, role: a.role });
  }
  for (const c of clauses(text)) {
    // A message names a few places: past a dozen, the rest are not listed.
    if (out.length >= 12) break;
    if (c.start < chosen.end && c.end > chosen.start) continue;
    if (out.some((p) => c.start < p.end && c.end > p.start)) continue;
    if (asides.some((a) => a.role === 'prefix' && a.start <= c.start && a.end >= c.end)) continue;
    if (PLACE_LIKE.test(text.slice(c.start, c.end))) out.push({ ...c, role: 'other' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** 我们在工行隔壁的金城大厦9楼: the address starts after a landmark that leads into it. */
export function afterLandmark(text: string, region: Span, asides: Aside[]): Span {
  for (const a of asides) {
    if (a.role !== 'landmark' || a.start < region.start || a.end >= region.end) continue;
    const before = text.slice(region.start, a.start);
    if (/[省市区县路街道巷号楼层厦场心]/.test(before)) continue;
    return { start: a.end, end: region.end };
  }
  return region;
}
