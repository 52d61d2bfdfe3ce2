import { describe, expect, it } from 'vitest';
import { placeShareButton } from '../../src/scripts/share-selection.ts';

const line = (top: number, left: number, right: number) => ({ top, bottom: top + 30, left, right });
const button = { width: 120, height: 44 };
const desktop = { width: 1440, height: 900, top: 65 };
const phone = { width: 360, height: 740, top: 0 };

describe('placeShareButton', () => {
  it('sets the button above the first line of a selection, at its start, with a mouse', () => {
    expect(
      placeShareButton(line(400, 600, 1200), line(460, 560, 900), button, desktop, false),
    ).toEqual({
      left: 600,
      top: 348,
    });
  });

  it('goes below the last line when the sticky header leaves no room above', () => {
    expect(
      placeShareButton(line(80, 600, 1200), line(110, 560, 900), button, desktop, false),
    ).toEqual({
      left: 560,
      top: 148,
    });
  });

  it('goes below the last line on a phone, past the drag handles, and stays inside the window', () => {
    expect(placeShareButton(line(300, 40, 340), line(330, 300, 340), button, phone, true)).toEqual({
      left: 232,
      top: 388,
    });
    expect(placeShareButton(line(650, 18, 342), line(700, 18, 200), button, phone, true).top).toBe(
      688,
    );
  });
});
