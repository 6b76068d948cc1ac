#!/usr/bin/python3
"""Dev tool: regenerates the golden data of tests/unit/pose-image.test.ts with Python OpenCV.

Not needed by CI or the build: the unit test only reads tests/fixtures/pose-image/golden.json.
Run it after changing the line cases or the landmark inputs, with an OpenCV for Python installed
(Debian 12: apt-get install python3-opencv python3-numpy, OpenCV 4.6.0; AniPortrait pins
opencv-python 4.8.1.78). OpenCV 4.14 draws thick lines that leave the image differently (its
clipping changed), so the line hashes need an older OpenCV; pose images (all end points inside
the canvas) and resizes are the same bytes in 4.6.0 and 4.14.0.

    /usr/bin/python3 scripts/pose-image-golden.py             # rewrite golden.json
    /usr/bin/python3 scripts/pose-image-golden.py --dump DIR  # also raw canvases, for byte diffs

What it draws (both sides generate the same inputs):
  (a) line cases: small canvases, cv2.line(img, p0, p1, color, thickness) with endpoints from a
      mulberry32 generator (random, on/near the borders, flat, steep, diagonal, zero length, far
      outside); SHA-256 per group of cases.
  (b) AniPortrait pose images (AP:src/utils/draw_util.py + mediapipe 0.10.11 drawing_utils.py)
      for the landmark sets tests/fixtures/pose-image/*.f32 (float32 x, y pixel pairs).
  (c) cv2.resize (INTER_LINEAR) of the first pose image to a few output sizes.
"""

import argparse
import hashlib
import json
import math
import os
import sys

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, '..', 'tests', 'fixtures', 'pose-image')

LINE_SEED = 1
LINE_CASES = 3000
LINE_GROUP = 500

# Landmark sets: name -> (frame width, frame height) in pixels. Inputs are <name>.f32, written once
# from the studio's own face analysis (src-main/face/analyze-photo.ts) of AniPortrait's demo photos:
#   cxk-photo           ref_cxk.png landmarks in photo pixels (515 x 516)
#   cxk-yaw             its rig projected (projectPoints) with pose (8, -25, 5) deg into 512 x 512
#   jijin-portrait-468  ref_jijin.png rig projected into 384 x 512, first 468 landmarks only
#   cxk-cut-off         ref_cxk rig turned and moved partly out of a 720 x 1280 frame
#   cxk-borders         cxk-photo with landmarks moved onto / just past the borders, NaN and -0
#   random-640x480      mulberry32 noise in [-15 %, 115 %] of 640 x 480 (long crossing lines)
LANDMARK_SETS = [
    ('cxk-photo', 515, 516),
    ('cxk-yaw', 512, 512),
    ('jijin-portrait-468', 384, 512),
    ('cxk-cut-off', 720, 1280),
    ('cxk-borders', 515, 516),
    ('random-640x480', 640, 480),
]

# Output sizes for (c): app.py's slider range, a portrait frame, odd sizes, exact 1/2 and 2x.
RESIZE_SOURCE = 'cxk-photo'
RESIZE_TARGETS = [(384, 512), (768, 768), (256, 256), (515, 516), (1024, 1024), (301, 97)]

# docs/aniportrait-engine.md §2.3: drawing order and array-order colour tuples (an independent copy
# of src-shared/face/pose-image-connections.ts, so the golden data also checks that list).
CONNECTIONS = [
    ((10, 200, 10), [(176, 149), (150, 136), (356, 454), (58, 132), (152, 148), (361, 288), (251, 389), (132, 93), (389, 356), (400, 377), (136, 172), (377, 152), (323, 361), (172, 58), (454, 323), (365, 379), (379, 378), (148, 176), (93, 234), (397, 365), (149, 150), (288, 397), (234, 127), (378, 400), (127, 162), (162, 21)]),
    ((180, 200, 10), [(374, 380), (390, 373), (249, 390), (385, 384), (373, 374), (263, 466), (387, 386), (381, 382), (384, 398), (466, 388), (386, 385), (388, 387), (263, 249), (380, 381), (398, 362), (382, 362)]),
    ((180, 220, 10), [(334, 296), (276, 283), (293, 334), (295, 285), (296, 336), (282, 295), (283, 282), (300, 293)]),
    ((10, 200, 180), [(154, 155), (33, 7), (246, 161), (159, 158), (144, 145), (173, 133), (158, 157), (163, 144), (153, 154), (7, 163), (161, 160), (157, 173), (33, 246), (160, 159), (145, 153), (155, 133)]),
    ((10, 220, 180), [(46, 53), (66, 107), (52, 65), (53, 52), (63, 105), (70, 63), (65, 55), (105, 66)]),
    ((10, 180, 20), [(61, 146), (146, 91), (91, 181), (181, 84), (84, 17)]),
    ((20, 10, 180), [(17, 314), (314, 405), (405, 321), (321, 375), (375, 291)]),
    ((100, 100, 30), [(78, 95), (95, 88), (88, 178), (178, 87), (87, 14)]),
    ((100, 150, 50), [(14, 317), (317, 402), (402, 318), (318, 324), (324, 308)]),
    ((20, 80, 100), [(61, 185), (185, 40), (40, 39), (39, 37), (37, 0)]),
    ((80, 100, 20), [(0, 267), (267, 269), (269, 270), (270, 409), (409, 291)]),
    ((120, 100, 200), [(78, 191), (191, 80), (80, 81), (81, 82), (82, 13)]),
    ((150, 120, 100), [(13, 312), (312, 311), (311, 310), (310, 415), (415, 308)]),
]


def mulberry32(seed):
    """src-shared/util/seeded-random.ts, bit for bit: floats u32 / 2^32."""
    state = [seed & 0xFFFFFFFF]

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def next_float():
        state[0] = (state[0] + 0x6D2B79F5) & 0xFFFFFFFF
        t = state[0]
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296.0

    return next_float


THICKNESSES = [1, 1, 2, 2, 2, 2, 3, 4, 5, 8]


def line_cases(seed, count):
    """Yields (w, h, x0, y0, x1, y1, thickness, color); mirrored in tests/unit/pose-image.test.ts."""
    rnd = mulberry32(seed)

    def pick(lo, hi):  # integer in [lo, hi]
        return lo + math.floor(rnd() * (hi - lo + 1))

    for k in range(count):
        w = pick(1, 40)
        h = pick(1, 40)
        mode = pick(0, 6)
        if mode == 0:  # anywhere around the canvas
            x0, y0, x1, y1 = pick(-6, w + 5), pick(-6, h + 5), pick(-6, w + 5), pick(-6, h + 5)
        elif mode == 1:  # on and next to the borders
            xs = [-2, -1, 0, 1, w - 2, w - 1, w, w + 1]
            ys = [-2, -1, 0, 1, h - 2, h - 1, h, h + 1]
            x0, y0, x1, y1 = xs[pick(0, 7)], ys[pick(0, 7)], xs[pick(0, 7)], ys[pick(0, 7)]
        elif mode == 2:  # flat
            x0, x1, y0 = pick(-6, w + 5), pick(-6, w + 5), pick(-3, h + 2)
            y1 = y0 + pick(-1, 1)
        elif mode == 3:  # steep
            y0, y1, x0 = pick(-6, h + 5), pick(-6, h + 5), pick(-3, w + 2)
            x1 = x0 + pick(-1, 1)
        elif mode == 4:  # diagonal
            x0, y0, d = pick(-6, w + 5), pick(-6, h + 5), pick(-40, 40)
            x1 = x0 + d
            y1 = y0 + (d if pick(0, 1) == 0 else -d)
        elif mode == 5:  # zero length
            x0, y0 = pick(-3, w + 2), pick(-3, h + 2)
            x1, y1 = x0, y0
        else:  # far outside, long lines across
            x0, y0, x1, y1 = pick(-3000, 3000), pick(-3000, 3000), pick(-3000, 3000), pick(-3000, 3000)
        thickness = THICKNESSES[pick(0, 9)]
        color = (1 + k % 251, 1 + (k * 7) % 253, 1 + (k * 13) % 241)
        yield w, h, x0, y0, x1, y1, thickness, color


def draw_line_case(case):
    w, h, x0, y0, x1, y1, thickness, color = case
    img = np.zeros((h, w, 3), np.uint8)
    cv2.line(img, (x0, y0), (x1, y1), color, thickness)
    return img


def is_valid_normalized_value(value):
    # mediapipe drawing_utils._normalized_to_pixel_coordinates
    return (value > 0 or math.isclose(0, value)) and (value < 1 or math.isclose(1, value))


def draw_pose_image(landmarks_px, frame_w, frame_h, size=512):
    """AniPortrait's draw_landmarks: NormalizedLandmark(x=px/W, y=py/H) are float32."""
    img = np.zeros((size, size, 3), np.uint8)
    points = {}
    for i in range(landmarks_px.shape[0]):
        x = float(np.float32(float(landmarks_px[i, 0]) / frame_w))
        y = float(np.float32(float(landmarks_px[i, 1]) / frame_h))
        if not (is_valid_normalized_value(x) and is_valid_normalized_value(y)):
            continue
        points[i] = (min(math.floor(x * size), size - 1), min(math.floor(y * size), size - 1))
    for color, edges in CONNECTIONS:
        for a, b in edges:
            if a in points and b in points:
                cv2.line(img, points[a], points[b], color, 2)
    return img


def load_landmarks(name):
    data = np.fromfile(os.path.join(FIXTURES, name + '.f32'), dtype='<f4')
    return data.reshape(-1, 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dump', help='also write raw canvases (lines.u8, <set>.u8) into this folder')
    parser.add_argument('--seed', type=int, default=LINE_SEED, help='line case seed (golden.json uses %d)' % LINE_SEED)
    parser.add_argument('--cases', type=int, default=LINE_CASES, help='number of line cases')
    parser.add_argument('--no-golden', action='store_true', help='do not rewrite golden.json (stress runs)')
    args = parser.parse_args()
    if tuple(int(v) for v in cv2.__version__.split('.')[:2]) >= (4, 13):
        print('warning: OpenCV %s clips thick lines differently from the 4.6-4.8 line AniPortrait used; '
              'line hashes will not match the TypeScript port' % cv2.__version__, file=sys.stderr)

    dump = None
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        dump = open(os.path.join(args.dump, 'lines.u8'), 'wb')
    group_hashes = []
    digest = hashlib.sha256()
    for k, case in enumerate(line_cases(args.seed, args.cases)):
        canvas = draw_line_case(case).tobytes()
        digest.update(canvas)
        if dump:
            dump.write(canvas)
        if (k + 1) % LINE_GROUP == 0 or k + 1 == args.cases:
            group_hashes.append(digest.hexdigest())
            digest = hashlib.sha256()
    if dump:
        dump.close()

    pose_images = []
    for name, frame_w, frame_h in LANDMARK_SETS:
        img = draw_pose_image(load_landmarks(name), frame_w, frame_h)
        if args.dump:
            img.tofile(os.path.join(args.dump, name + '.u8'))
        pose_images.append({'name': name, 'frameWidthPx': frame_w, 'frameHeightPx': frame_h,
                            'sha256': hashlib.sha256(img.tobytes()).hexdigest(),
                            'nonZeroPixels': int(np.count_nonzero(img.any(axis=2)))})

    source = draw_pose_image(load_landmarks(RESIZE_SOURCE), *dict((n, (w, h)) for n, w, h in LANDMARK_SETS)[RESIZE_SOURCE])
    resizes = []
    for w, h in RESIZE_TARGETS:
        resized = cv2.resize(source, (w, h))
        if args.dump:
            resized.tofile(os.path.join(args.dump, 'resize-%dx%d.u8' % (w, h)))
        resizes.append({'widthPx': w, 'heightPx': h, 'sha256': hashlib.sha256(resized.tobytes()).hexdigest()})

    golden = {
        'generator': 'scripts/pose-image-golden.py',
        'opencv': cv2.__version__,
        'lines': {'seed': args.seed, 'cases': args.cases, 'groupSize': LINE_GROUP, 'sha256': group_hashes},
        'poseImages': pose_images,
        'resizes': {'source': RESIZE_SOURCE, 'sizes': resizes},
    }
    if not args.no_golden:
        with open(os.path.join(FIXTURES, 'golden.json'), 'w') as f:
            json.dump(golden, f, indent=2)
            f.write('\n')
    json.dump(golden, sys.stdout, indent=2)
    print()


if __name__ == '__main__':
    main()
