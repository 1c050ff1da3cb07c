#!/usr/bin/env python3
"""The peer for `perrin bench io --input FILE`: streams the same TIFF frame by frame with tifffile (Debian's
python3-tifffile), converting each frame to float32 as Perrin does, and prints one JSON object.

Usage: tifffile_stream.py FILE.tif
"""
import json
import resource
import sys
import time

import numpy as np
import tifffile

path = sys.argv[1]
start = time.perf_counter()
checksum = 0.0
with tifffile.TiffFile(path) as tif:
    frames = len(tif.pages)
    nbytes = 0
    for index in range(frames):
        frame = tif.pages[index].asarray().astype(np.float32)
        nbytes += frame.size * tif.pages[index].dtype.itemsize
        checksum += float(frame.flat[(index * 7919) % frame.size])
elapsed = time.perf_counter() - start
print(json.dumps({
    "case": "tiff-stream",
    "reader": f"tifffile {tifffile.__version__}",
    "frames": frames,
    "read_mib_per_s": round(nbytes / 2**20 / elapsed, 1),
    "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
