import { matchCell } from '../../lib/parse/cell';
import { spanTable } from './span-table';

spanTable('matchCell', matchCell, [
  ['3单元1201', 0, '3单元'],
  ['二单元', 0, '二单元'],
  ['3甲单元', 0, '3甲单元'],
  ['12-3单元', 0, '12-3单元'],
  ['2梯', 0, '2梯'],
  ['5排8号', 0, '5排'],
  ['3组', 0, '3组'],
  ['12号3单元', 3, '3单元'],
  ['1803室', 0, null],
  ['单元', 0, null],
]);
