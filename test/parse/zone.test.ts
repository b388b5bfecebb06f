import { matchZone } from '../../lib/parse/zone';
import { spanTable } from './span-table';

spanTable('matchZone', matchZone, [
  ['B区3栋', 0, 'B区'],
  ['二期', 0, '二期'],
  ['3号院', 0, '3号院'],
  ['12号区', 0, '12号区'],
  ['A街区', 0, 'A街区'],
  ['B区域', 0, null],
  ['区', 0, null],
]);
