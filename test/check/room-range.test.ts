import { describe, expect, test } from 'vitest';
import { sameRoom } from '../../lib/check/room-range';

describe('a room inside a registered range or list is the same room', () => {
  test.each([
    ['204', '201-206号', true],
    ['204', '201-206', true],
    ['201', '201-206', true],
    ['207', '201-206', false],
    ['2204', '201-206', false],
    ['105', '105、106号', true],
    ['106号', '105、106', true],
    ['107', '105、106', false],
    ['A12', 'A10-A15', true],
    ['B12', 'A10-A15', false],
    ['1803', '1803', true],
    ['1803', '1805', false],
  ])('%s in %s → %s', (claimed, registered, same) => {
    expect(sameRoom(claimed, registered)).toBe(same);
  });
});
