import { matchDistance } from '../../lib/parse/distance';
import { spanTable } from './span-table';

spanTable('matchDistance', matchDistance, [
  ['200米', 0, '200米'],
  ['3公里', 0, '3公里'],
  ['2千米', 0, '2千米'],
  ['300m', 0, '300m'],
  ['5KM', 0, '5KM'],
  ['10mall', 0, null],
  ['18楼', 0, null],
]);
