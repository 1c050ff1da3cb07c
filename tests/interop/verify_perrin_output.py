#!/usr/bin/env python3
"""Opens what `perrin demo` wrote with independent readers (tifffile; libtiff and libpng through Pillow) and
checks that they see the same pixels, the ImageJ calibration and the table conventions Perrin promises.

Debian packages: python3-tifffile python3-numpy python3-pil.  Usage: verify_perrin_output.py perrin-demo/
"""
import csv
import glob
import os
import sys

import numpy as np
import tifffile
from PIL import Image

folder = sys.argv[1]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


# The uncompressed, little-endian ImageJ movie: tifffile reads pixels and calibration.
with tifffile.TiffFile(os.path.join(folder, "movie.tif")) as tif:
    movie = tif.asarray()
    ij = tif.imagej_metadata or {}
    page = tif.pages[0]
    x_res = page.tags["XResolution"].value
    check(tif.is_imagej, "movie.tif is an ImageJ hyperstack for tifffile")
    check(ij.get("images") == movie.shape[0] and ij.get("frames") == movie.shape[0], f"ImageJ images= and frames= match {movie.shape[0]} frames")
    check(ij.get("unit") in ("micron", "um", "\\u00B5m"), f"ImageJ unit is microns ({ij.get('unit')})")
    pixel_um = x_res[1] / x_res[0]
    check(abs(pixel_um - 0.1) < 1e-9, f"XResolution gives 0.1 µm pixels ({pixel_um})")
    check(abs(float(ij.get("finterval", 0)) - 0.05) < 1e-12, f"finterval is 0.05 s ({ij.get('finterval')})")
    check(movie.dtype == np.uint16 and movie.ndim == 3, f"16-bit stack {movie.shape}")

# The big-endian, tiled, Deflate copy: tifffile decodes it to the same pixels.
with tifffile.TiffFile(os.path.join(folder, "movie-be-tiled-deflate.tif")) as tif:
    check(tif.byteorder == ">", "movie-be-tiled-deflate.tif is big-endian")
    check(tif.pages[0].is_tiled, "movie-be-tiled-deflate.tif is tiled")
    check(np.array_equal(tif.asarray(), movie), "tifffile reads the tiled Deflate copy identically")

# The LZW copy: libtiff (through Pillow) decodes every page to the same pixels.
with Image.open(os.path.join(folder, "movie-lzw.tif")) as image:
    frames = []
    for index in range(image.n_frames):
        image.seek(index)
        frames.append(np.array(image, dtype=np.uint16))
    check(image.info.get("compression") == "tiff_lzw", "movie-lzw.tif is LZW-compressed for libtiff")
    check(np.array_equal(np.stack(frames), movie), "libtiff reads the LZW copy identically")

# PNG frames: libpng reads 8-bit frames of the right size, one per movie frame.
pngs = sorted(glob.glob(os.path.join(folder, "frames", "*.png")))
check(len(pngs) == movie.shape[0], f"{len(pngs)} PNG frames for {movie.shape[0]} movie frames")
stack = np.stack([np.array(Image.open(p)) for p in pngs])
check(stack.dtype == np.uint8 and stack.shape[1:] == movie.shape[1:], f"PNG frames are 8-bit {stack.shape[1:]}")
check(stack.min() == 0 and stack.max() == 255, "PNG frames are stretched from the movie's range to 0..255")
lo, hi = float(movie.min()), float(movie.max())
expected = np.floor((movie.astype(np.float64) - lo) * 255.0 / (hi - lo) + 0.5)
check(np.abs(stack.astype(np.float64) - expected).max() <= 1, "PNG frames are the movie linearly stretched (within rounding)")

# Tables: exact ThunderSTORM header, and trackpy pixel coordinates (px = 100 nm, origin at the first pixel's centre).
with open(os.path.join(folder, "truth-thunderstorm.csv"), newline="") as f:
    header = f.readline().strip()
    check(header.startswith('"id","frame","x [nm]","y [nm]"'), f"ThunderSTORM header {header[:40]}...")
    storm = list(csv.reader([header] + f.read().splitlines()))
with open(os.path.join(folder, "truth-trackpy.csv"), newline="") as f:
    rows = list(csv.DictReader(f))
check(len(rows) == len(storm) - 1, f"{len(rows)} trackpy rows for {len(storm) - 1} ThunderSTORM rows")
names = storm[0]
xi, fi = names.index("x [nm]"), names.index("frame")
worst = max(abs((float(r["x"]) + 0.5) * 100.0 - float(s[xi])) for r, s in zip(rows, storm[1:]))
check(worst < 1e-6, f"trackpy x = x_nm / px - 0.5 (worst difference {worst:.2e} nm)")
check(all(int(r["frame"]) + 1 == int(s[fi]) for r, s in zip(rows, storm[1:])), "trackpy frames are 0-based, ThunderSTORM 1-based")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
