"""Prints the libtiff reference vectors used by LibtiffVectorTests.cs.

Needs libtiff (libtiff.so.6, 4.5.0 was used) and Python 3; no other packages. Each vector is one strip that
libtiff itself compressed with TIFFWriteEncodedStrip into a little-endian file, read back with TIFFReadRawStrip.
"""
import ctypes
import math
import struct
import tempfile
import os

lib = ctypes.CDLL("libtiff.so.6")
lib.TIFFOpen.restype = ctypes.c_void_p
lib.TIFFOpen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
for name in ("TIFFWriteEncodedStrip", "TIFFReadRawStrip"):
    getattr(lib, name).restype = ctypes.c_ssize_t
    getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_ssize_t]
lib.TIFFClose.argtypes = [ctypes.c_void_p]


def compress(data, width, height, bits, compression, predictor, sample_format):
    path = os.path.join(tempfile.mkdtemp(), "v.tif").encode()
    tif = ctypes.c_void_p(lib.TIFFOpen(path, b"wl"))
    for tag, value in ((256, width), (257, height), (258, bits), (277, 1), (259, compression), (262, 1),
                       (278, height), (284, 1), (339, sample_format), (317, predictor)):
        lib.TIFFSetField(tif, ctypes.c_uint32(tag), ctypes.c_int(value))
    buffer = ctypes.create_string_buffer(bytes(data))
    assert lib.TIFFWriteEncodedStrip(tif, 0, buffer, len(data)) == len(data)
    lib.TIFFClose(tif)
    tif = ctypes.c_void_p(lib.TIFFOpen(path, b"r"))
    out = ctypes.create_string_buffer(2 * len(data) + 64)
    n = lib.TIFFReadRawStrip(tif, 0, out, len(out))
    lib.TIFFClose(tif)
    return out.raw[:n]


# 400 bytes with few repeats, so the table passes code 511 and the code width grows to 10 bits.
lzw_input = bytes((i * i * 31 + i * 7 + (i >> 3)) & 0xFF for i in range(400))
print("LzwNoPredictor =", compress(lzw_input, 400, 1, 8, 5, 1, 1).hex().upper())

# One row of 8 float32 samples with the floating-point predictor (3), LZW compressed.
floats = [math.sin(0.7 * i) * 10.0 + 100.0 for i in range(8)]
print("FloatInput =", struct.pack("<8f", *floats).hex().upper())
print("LzwFloatPredictor =", compress(struct.pack("<8f", *floats), 8, 1, 32, 5, 3, 3).hex().upper())
