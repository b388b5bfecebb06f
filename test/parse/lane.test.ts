import { matchLane } from '../../lib/parse/lane';
import { spanTable } from './span-table';

spanTable('matchLane', matchLane, [
  ['1199弄3号', 0, '1199弄'],
  ['路88弄', 1, '88弄'],
  ['12345弄', 0, null],
  ['弄堂', 0, null],
]);
