#!/usr/bin/env python3
"""Writes reference TIFF and PNG files with independent implementations (tifffile, and Pillow on libtiff/libpng).

Each fixture NAME.tif / NAME.png comes with NAME.raw: the samples Perrin must read, little-endian, frame after
frame, row-major, single channel (RGB(A) PNGs: BT.601 luma, rounded). manifest.json lists what each file holds.

Debian packages: python3-tifffile python3-numpy python3-pil.  Run from this folder: python3 make_interop_fixtures.py
"""
import json
import numpy as np
import tifffile
from PIL import Image

F, H, W = 3, 20, 13
manifest = []


def pattern(dtype, frames=F, height=H, width=W):
    f, y, x = np.meshgrid(np.arange(frames), np.arange(height), np.arange(width), indexing="ij")
    k = (f * 7919 + y * 613 + x * 37 + 11).astype(np.uint64)
    dt = np.dtype(dtype)
    if dt.kind == "f":
        return ((k % 100003).astype(np.float64) / 16.0 - 2500.0).astype(dt)
    bits = dt.itemsize * 8
    v = (k * 2654435761) % (1 << bits)
    if dt.kind == "i":
        v = v.astype(np.int64) - (1 << (bits - 1))
    return v.astype(dt)


def record(name, data, **facts):
    data.astype(data.dtype.newbyteorder("<")).tofile(name + ".raw")
    frames, height, width = data.shape
    manifest.append(dict(name=name, frames=frames, height=height, width=width, dtype=data.dtype.name, **facts))


def tiff(name, dtype, byteorder="<", **kw):
    data = pattern(dtype)
    tifffile.imwrite(name + ".tif", data.astype(np.dtype(dtype).newbyteorder(byteorder)), byteorder=byteorder, photometric="minisblack", **kw)
    record(name, data, file=name + ".tif", little_endian=byteorder == "<")


for dt in ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"]:
    tiff(f"tifffile_{dt}_le", dt, "<")
for dt in ["uint8", "uint16", "int16", "int32", "float32"]:
    tiff(f"tifffile_{dt}_be", dt, ">")
tiff("tifffile_uint16_deflate", "uint16", "<", compression="zlib")
tiff("tifffile_uint16_deflate_predictor_be", "uint16", ">", compression="zlib", predictor=True)
tiff("tifffile_uint16_rowsperstrip5", "uint16", "<", rowsperstrip=5)
tiff("tifffile_bigtiff_float32_be", "float32", ">", bigtiff=True)

tiled = pattern("uint16", 2, 40, 37)
tifffile.imwrite("tifffile_uint16_tiled.tif", tiled, tile=(16, 16), photometric="minisblack")
record("tifffile_uint16_tiled", tiled, file="tifffile_uint16_tiled.tif", little_endian=True)
tifffile.imwrite("tifffile_float32_tiled_deflate_be.tif", tiled.astype(">f4"), byteorder=">", tile=(32, 16), compression="zlib", photometric="minisblack")
record("tifffile_float32_tiled_deflate_be", tiled.astype("float32"), file="tifffile_float32_tiled_deflate_be.tif", little_endian=False)

ij = pattern("uint16", 5)
tifffile.imwrite("imagej_uint16.tif", ij, imagej=True, resolution=(1 / 0.1075, 1 / 0.1075),
                 metadata={"unit": "um", "finterval": 0.05, "axes": "TYX"})
record("imagej_uint16", ij, file="imagej_uint16.tif", little_endian=True, pixel_size_nm=107.5, frame_interval_s=0.05)
ijf = pattern("float32", 4)
tifffile.imwrite("imagej_float32.tif", ijf, imagej=True, resolution=(1 / 0.065, 1 / 0.065),
                 metadata={"unit": "micron", "finterval": 0.01, "axes": "TYX"})
record("imagej_float32", ijf, file="imagej_float32.tif", little_endian=True, pixel_size_nm=65.0, frame_interval_s=0.01)

# libtiff through Pillow: the compressions tifffile cannot write without imagecodecs.
for mode, dt in [("L", "uint8"), ("I;16", "uint16")]:
    for comp, tag in [("tiff_lzw", "lzw"), ("packbits", "packbits"), ("tiff_adobe_deflate", "deflate")]:
        one = pattern(dt, 1, 37, 29)
        name = f"libtiff_{dt}_{tag}"
        Image.fromarray(one[0], mode=mode).save(name + ".tif", compression=comp)
        record(name, one, file=name + ".tif", little_endian=True)

# PNG through Pillow (libpng/zlib).
def png(name, image, gray):
    image.save(name + ".png")
    record(name, gray[np.newaxis], file=name + ".png")


g8 = pattern("uint8", 1, 23, 17)[0]
png("pillow_gray8", Image.fromarray(g8, mode="L"), g8)
g16 = pattern("uint16", 1, 23, 17)[0]
png("pillow_gray16", Image.fromarray(g16.astype("<u2"), mode="I;16"), g16)
rgb = np.stack([pattern("uint8", 1, 23, 17)[0], pattern("uint8", 1, 23, 17)[0][::-1], np.full((23, 17), 77, np.uint8)], axis=-1)
luma = np.floor(0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2] + 0.5).astype(np.uint8)
png("pillow_rgb8", Image.fromarray(rgb, mode="RGB"), luma)
rgba = np.concatenate([rgb, np.full((23, 17, 1), 200, np.uint8)], axis=-1)
png("pillow_rgba8", Image.fromarray(rgba, mode="RGBA"), luma)
la = np.stack([g8, np.full((23, 17), 9, np.uint8)], axis=-1)
png("pillow_gray_alpha8", Image.fromarray(la, mode="LA"), g8)
pal = Image.fromarray(g8 // 16 * 16, mode="L").convert("P")
pal_rgb = np.asarray(pal.convert("RGB"))
png("pillow_palette", pal, np.floor(0.299 * pal_rgb[..., 0] + 0.587 * pal_rgb[..., 1] + 0.114 * pal_rgb[..., 2] + 0.5).astype(np.uint8))

with open("manifest.json", "w") as out:
    json.dump(manifest, out, indent=1)
