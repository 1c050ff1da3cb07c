#!/usr/bin/env python3
"""Opens what `perrin selftest` wrote with independent readers (tifffile; libtiff and libpng through Pillow) and
checks that they see the same pixels, the ImageJ calibration and the table conventions Perrin promises; with
--demo DIR, also checks the report of `perrin demo`: index.html exists, every file it references exists, every
PNG opens with Pillow, every SVG is well-formed XML and every CSV parses with finite numbers.

Debian packages: python3-tifffile python3-numpy python3-pil.
Usage: verify_perrin_output.py perrin-selftest/ [--demo demo-report/]
"""
import csv
import glob
import math
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

import numpy as np
import tifffile
from PIL import Image

args = sys.argv[1:]
demo_folder = None
if "--demo" in args:
    at = args.index("--demo")
    demo_folder = args[at + 1]
    del args[at:at + 2]
folder = args[0]
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



def verify_demo(report):
    index = os.path.join(report, "index.html")
    check(os.path.isfile(index), f"{index} exists")
    if not os.path.isfile(index):
        return
    with open(index, encoding="utf-8") as f:
        html = f.read()
    check(html.lstrip().lower().startswith("<!doctype html>") and "</html>" in html, "index.html is a complete HTML page")
    check(not re.search(r"(src|href)=\"(https?:)?//", html), "index.html fetches nothing from elsewhere")
    referenced = sorted(set(re.findall(r'(?:src|href)="([^"#]+)"', html)))
    check(len(referenced) > 0, f"index.html references {len(referenced)} files")
    for name in referenced:
        path = os.path.join(report, name)
        if not os.path.isfile(path):
            check(False, f"{name}, referenced by index.html, exists")
            continue
        if name.endswith(".png"):
            try:
                with Image.open(path) as image:
                    image.load()
                    check(image.width > 0 and image.height > 0 and image.mode == "RGB", f"{name} opens with Pillow ({image.width}x{image.height} {image.mode})")
            except OSError as error:
                check(False, f"{name} opens with Pillow ({error})")
        elif name.endswith(".svg"):
            try:
                root = ElementTree.parse(path).getroot()
                check(root.tag.endswith("svg"), f"{name} is well-formed SVG")
            except ElementTree.ParseError as error:
                check(False, f"{name} is well-formed SVG ({error})")
        elif name.endswith(".csv"):
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            widths = {len(r) for r in rows}
            numbers = [cell for r in rows[1:] for cell in r if re.fullmatch(r"[-+0-9.eE]+", cell)]
            finite = all(math.isfinite(float(cell)) for cell in numbers)
            check(len(rows) > 1 and len(widths) == 1 and finite, f"{name} parses: {len(rows) - 1} rows of {widths.pop() if len(widths) == 1 else widths} columns, {len(numbers)} finite numbers")
    with open(os.path.join(report, "results.csv"), newline="", encoding="utf-8") as f:
        results = list(csv.DictReader(f))
    methods = {r["method"] for r in results}
    check({"network", "network+ipsf", "crocker-grier", "radial", "gauss-mle"} <= methods, f"results.csv scores every method ({sorted(methods)})")
    check(all(0 <= float(r["f1"]) <= 1 for r in results if r["f1"]), "results.csv F1 values are in [0, 1]")


if demo_folder is not None:
    verify_demo(demo_folder)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
