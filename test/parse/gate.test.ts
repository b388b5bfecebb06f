import { matchGate } from '../../lib/parse/gate';
import { spanTable } from './span-table';

spanTable('matchGate', matchGate, [
  ['2号门', 0, '2号门'],
  ['一号门', 0, '一号门'],
  ['3口', 0, '3口'],
  ['1门面', 0, null],
  ['2号店', 0, null],
  ['5门市', 0, null],
  ['3门诊', 0, null],
  ['东门', 0, null],
]);
