import { matchHouse } from '../../lib/parse/house';
import { spanTable } from './span-table';

spanTable('matchHouse', matchHouse, [
  ['12号1803', 0, '12号'],
  ['大道88号1201', 2, '88号'],
  ['12号楼', 0, null],
  ['12号', 0, null],
  ['12345号1', 0, null],
]);
