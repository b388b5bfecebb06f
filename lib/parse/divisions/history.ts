/**
 * Divisions abolished, merged or renamed since about 2000, still written in addresses (and in
 * bank outlet lists that were never updated). Each links to the divisions that took its
 * place today. Renames that only change the suffix (富阳市 → 富阳区, 玉环县 → 玉环市) are not
 * listed: the index derives them from today's names.
 *
 * Written by hand from the State Council's approvals; `city` is today's city (municipalities
 * by their own name), `now` names districts of that city.
 */
export interface HistoricDistrict {
  city: string;
  old: string;
  now: string[];
  year: number;
}

export const HISTORIC_DISTRICTS: HistoricDistrict[] = [
  { city: '北京市', old: '崇文区', now: ['东城区'], year: 2010 },
  { city: '北京市', old: '宣武区', now: ['西城区'], year: 2010 },
  { city: '上海市', old: '南汇区', now: ['浦东新区'], year: 2009 },
  { city: '上海市', old: '卢湾区', now: ['黄浦区'], year: 2011 },
  { city: '上海市', old: '闸北区', now: ['静安区'], year: 2015 },
  { city: '上海市', old: '川沙县', now: ['浦东新区'], year: 1993 },
  { city: '天津市', old: '塘沽区', now: ['滨海新区'], year: 2009 },
  { city: '天津市', old: '汉沽区', now: ['滨海新区'], year: 2009 },
  { city: '天津市', old: '大港区', now: ['滨海新区'], year: 2009 },
  { city: '天津市', old: '蓟县', now: ['蓟州区'], year: 2016 },
  { city: '重庆市', old: '万盛区', now: ['綦江区'], year: 2011 },
  { city: '重庆市', old: '双桥区', now: ['大足区'], year: 2011 },
  { city: '杭州市', old: '江干区', now: ['上城区', '钱塘区'], year: 2021 },
  { city: '杭州市', old: '下城区', now: ['拱墅区'], year: 2021 },
  { city: '杭州市', old: '余杭区', now: ['余杭区', '临平区'], year: 2021 },
  { city: '宁波市', old: '江东区', now: ['鄞州区'], year: 2016 },
  { city: '宁波市', old: '鄞县', now: ['鄞州区'], year: 2002 },
  { city: '绍兴市', old: '绍兴县', now: ['柯桥区'], year: 2013 },
  { city: '南京市', old: '白下区', now: ['秦淮区'], year: 2013 },
  { city: '南京市', old: '下关区', now: ['鼓楼区'], year: 2013 },
  { city: '南京市', old: '大厂区', now: ['六合区'], year: 2002 },
  { city: '苏州市', old: '沧浪区', now: ['姑苏区'], year: 2012 },
  { city: '苏州市', old: '平江区', now: ['姑苏区'], year: 2012 },
  { city: '苏州市', old: '金阊区', now: ['姑苏区'], year: 2012 },
  { city: '无锡市', old: '崇安区', now: ['梁溪区'], year: 2015 },
  { city: '无锡市', old: '南长区', now: ['梁溪区'], year: 2015 },
  { city: '无锡市', old: '北塘区', now: ['梁溪区'], year: 2015 },
  { city: '常州市', old: '戚墅堰区', now: ['武进区'], year: 2015 },
  { city: '南通市', old: '港闸区', now: ['崇川区'], year: 2020 },
  { city: '扬州市', old: '维扬区', now: ['邗江区'], year: 2011 },
  { city: '淮安市', old: '楚州区', now: ['淮安区'], year: 2012 },
  { city: '连云港市', old: '新浦区', now: ['海州区'], year: 2014 },
  { city: '徐州市', old: '九里区', now: ['鼓楼区', '泉山区'], year: 2010 },
  { city: '广州市', old: '东山区', now: ['越秀区'], year: 2005 },
  { city: '广州市', old: '芳村区', now: ['荔湾区'], year: 2005 },
  { city: '广州市', old: '萝岗区', now: ['黄埔区'], year: 2014 },
  { city: '深圳市', old: '龙华新区', now: ['龙华区'], year: 2017 },
  { city: '深圳市', old: '光明新区', now: ['光明区'], year: 2018 },
  { city: '深圳市', old: '坪山新区', now: ['坪山区'], year: 2017 },
  { city: '深圳市', old: '大鹏新区', now: ['龙岗区'], year: 2011 },
  { city: '茂名市', old: '茂港区', now: ['电白区'], year: 2014 },
  { city: '厦门市', old: '开元区', now: ['思明区'], year: 2003 },
  { city: '厦门市', old: '鼓浪屿区', now: ['思明区'], year: 2003 },
  { city: '厦门市', old: '杏林区', now: ['海沧区', '集美区'], year: 2003 },
  { city: '青岛市', old: '四方区', now: ['市北区'], year: 2012 },
  { city: '青岛市', old: '胶南市', now: ['黄岛区'], year: 2012 },
  { city: '济南市', old: '莱城区', now: ['莱芜区'], year: 2019 },
  { city: '沈阳市', old: '东陵区', now: ['浑南区'], year: 2014 },
  { city: '哈尔滨市', old: '动力区', now: ['香坊区'], year: 2006 },
  { city: '乌鲁木齐市', old: '东山区', now: ['米东区'], year: 2007 },
  { city: '贵阳市', old: '小河区', now: ['花溪区'], year: 2012 },
  { city: '石家庄市', old: '桥东区', now: ['长安区', '桥西区'], year: 2014 },
  { city: '唐山市', old: '唐海县', now: ['曹妃甸区'], year: 2012 },
  { city: '西安市', old: '户县', now: ['鄠邑区'], year: 2016 },
  { city: '成都市', old: '郫县', now: ['郫都区'], year: 2016 },
  { city: '南昌市', old: '郊区', now: ['青山湖区'], year: 2002 },
  { city: '合肥市', old: '居巢区', now: ['巢湖市'], year: 2011 },
  { city: '张家口市', old: '宣化县', now: ['宣化区'], year: 2016 },
  { city: '芜湖市', old: '三山区', now: ['弋江区'], year: 2020 },
  { city: '淮安市', old: '清浦区', now: ['清江浦区'], year: 2016 },
  { city: '淮安市', old: '清河区', now: ['清江浦区'], year: 2016 },
  { city: '保定市', old: '北市区', now: ['竞秀区', '莲池区'], year: 2015 },
  { city: '保定市', old: '南市区', now: ['莲池区'], year: 2015 },
  { city: '保定市', old: '新市区', now: ['竞秀区'], year: 2015 },
  { city: '开封市', old: '金明区', now: ['龙亭区'], year: 2014 },
  { city: '九江市', old: '庐山区', now: ['濂溪区'], year: 2016 },
  { city: '济宁市', old: '市中区', now: ['任城区'], year: 2013 },
  { city: '铜陵市', old: '铜官山区', now: ['铜官区'], year: 2015 },
  { city: '铜陵市', old: '狮子山区', now: ['铜官区'], year: 2015 },
  { city: '马鞍山市', old: '金家庄区', now: ['花山区'], year: 2012 },
  { city: '襄阳市', old: '襄阳区', now: ['襄州区'], year: 2010 },
  { city: '许昌市', old: '许昌县', now: ['建安区'], year: 2016 },
  { city: '三门峡市', old: '陕县', now: ['陕州区'], year: 2015 },
  { city: '伊春市', old: '伊春区', now: ['伊美区'], year: 2019 },
  { city: '温州市', old: '瓯海县', now: ['瓯海区'], year: 1992 },
];

/** Cities renamed or abolished, with the city that holds their area today. */
export interface HistoricCity {
  province: string;
  old: string;
  now: string[];
  year: number;
}

export const HISTORIC_CITIES: HistoricCity[] = [
  { province: '湖北省', old: '襄樊市', now: ['襄阳市'], year: 2010 },
  { province: '云南省', old: '思茅市', now: ['普洱市'], year: 2007 },
  { province: '山东省', old: '莱芜市', now: ['济南市'], year: 2019 },
];

/**
 * Abbreviations in common use that no rule derives: the ethnic part shortened rather than
 * dropped (阜蒙县 for 阜新蒙古族自治县).
 */
export const ABBREVIATIONS: { city: string; short: string; full: string }[] = [
  { city: '阜新市', short: '阜蒙县', full: '阜新蒙古族自治县' },
  { city: '松原市', short: '前郭县', full: '前郭尔罗斯蒙古族自治县' },
  { city: '朝阳市', short: '喀左县', full: '喀喇沁左翼蒙古族自治县' },
  { city: '承德市', short: '围场县', full: '围场满族蒙古族自治县' },
  { city: '鄂尔多斯市', short: '伊旗', full: '伊金霍洛旗' },
];

/** Characters people confuse in division names (颍州 typed 颖州, 亳州 typed 毫州). */
export const CONFUSED_CHARS: [string, string][] = [
  ['颍', '颖'],
  ['亳', '毫'],
  ['郯', '炎'],
];
