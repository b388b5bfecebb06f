#!/usr/bin/env node
// Writes the XLSX fixtures from rows written here by hand (licence records of made-up outlets
// in real districts). Run it after changing the rows: node scripts/fixtures.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = ['机构编码', '机构名称', '机构简称', '机构地址', '经度', '纬度', '机构所在地', '邮政编码', '发证日期', '批准成立日期', '发证机关', '流水号', '变更前机构信息'];

const hangzhou = [
  ['B0155B233010901', '杭州银行股份有限公司西湖示例路支行', '杭州银行西湖示例路支行', '浙江省杭州市西湖区示例路6号明镜大厦1楼', 120.13020, 30.27510, '浙江省杭州市', '310012', '2022-04-06', '2001-09-01', '国家金融监督管理总局浙江监管局', '00000911', ''],
  ['B0171B233010902', '宁波银行股份有限公司杭州演示大道支行', '宁波银行杭州演示大道支行', '浙江省杭州市西湖区演示大道201号样板中心A座2层', 120.12110, 30.28030, '浙江省杭州市', '310013', '2021-12-12', '2010-05-20', '国家金融监督管理总局浙江监管局', '00000912', ''],
  ['B0003S233010903', '中国银行股份有限公司杭州明鉴路支行', '中行杭州明鉴路支行', '浙江省杭州市上城区明鉴路3号', 120.17200, 30.25010, '浙江省杭州市', '310002', '2020-08-18', '1996-02-02', '国家金融监督管理总局浙江监管局', '00000913', '机构名称：中国银行股份有限公司杭州江干明鉴路支行；机构地址：浙江省杭州市江干区明鉴路1号'],
];

// The test fixture: a good row, a row with no address, a row whose bank is unknown.
const fixture = [
  ['B0001H233010921', '中国工商银行股份有限公司杭州样板街支行', '工行杭州样板街支行', '浙江省杭州市拱墅区样板街12号', 120.16010, 30.31020, '浙江省杭州市', '310011', '2023-01-01', '1999-01-01', '国家金融监督管理总局浙江监管局', '00000921', ''],
  ['B0001H233010922', '中国工商银行股份有限公司杭州空白支行', '', '', '', '', '浙江省杭州市', '', '', '', '', '00000922', ''],
  ['Z9999X233010923', '某某咨询服务有限公司', '', '浙江省杭州市西湖区演示大道9号', 120.12, 30.28, '浙江省杭州市', '', '', '', '', '00000923', ''],
];

const sheet = (rows) => [HEADER.map((value) => ({ value })), ...rows.map((r) => r.map((value) => (value === '' ? null : { value })))];

await writeXlsxFile(sheet(hangzhou)).toFile(path.join(root, 'data/demo/hangzhou-licences.xlsx'));
await writeXlsxFile(sheet(fixture)).toFile(path.join(root, 'data/fixtures/registry/licences.xlsx'));
console.log('wrote data/demo/hangzhou-licences.xlsx and data/fixtures/registry/licences.xlsx');
