"""Reference values for the Crocker-Grier tests, from numpy/scipy (run with numpy 1.24, scipy 1.10).

The primitives are exactly the scipy/numpy calls trackpy 0.6 makes (correlate1d with a truncated Gaussian and
mode 'constant', uniform_filter1d in place in the image dtype with mode 'nearest', grey_dilation with an
int(2*s/sqrt(2)) box, np.percentile of the non-zero pixels, binary_dilation by the circular mask, cKDTree pairs).
`reference_locate` chains them in the order trackpy.locate does, for a whole-pipeline comparison.
Usage: python3 make_fixtures.py   (writes the *.txt files beside this script)
"""
import os
import numpy as np
from scipy import ndimage as ndi
from scipy.spatial import cKDTree

HERE = os.path.dirname(os.path.abspath(__file__))


def gauss_kernel(sigma):
    half = int(4 * sigma + 0.5)
    x = np.arange(-half, half + 1)
    k = np.exp(x ** 2 / (-2 * sigma ** 2))
    return k / k.sum()


def lowpass(image, sigma):
    out = np.array(image, dtype=float)
    if sigma > 0:
        for axis in (0, 1):
            ndi.correlate1d(out, gauss_kernel(sigma), axis, output=out, mode='constant', cval=0.0)
    return out


def boxcar(image, size):
    out = image.copy()
    if size > 1:
        for axis in (0, 1):
            ndi.uniform_filter1d(out, size, axis, output=out, mode='nearest', cval=0)
    return out


def bandpass(image, sigma, size, threshold):
    back = boxcar(image, size)
    result = lowpass(image, sigma) - back
    return np.where(result >= threshold, result, 0)


def circle(radius):
    pts = np.arange(-radius, radius + 1)
    yy, xx = np.meshgrid(pts, pts, indexing='ij')
    return (yy / radius) ** 2 + (xx / radius) ** 2 <= 1


def to_gamut(image, dtype):
    if np.issubdtype(image.dtype, np.integer):
        return 1.0, image
    top = image.max()
    factor = 1.0 if top == 0 else np.iinfo(dtype).max / top
    return factor, (factor * image.clip(min=0.0)).astype(dtype)


def reference_locate(raw, diameter, dtype_is_int, max_iterations=10):
    """Default parameters (noise_size 1, smoothing = diameter, separation = diameter + 1, percentile 64)."""
    r = diameter // 2
    sep = diameter + 1
    threshold = 1 if dtype_is_int else 1 / 255.0
    image = bandpass(raw, 1, diameter, threshold)
    factor, image = to_gamut(image, raw.dtype if dtype_is_int else np.uint8)
    nonzero = image[np.nonzero(image)]
    level = np.percentile(nonzero, 64)
    side = int(2 * sep / np.sqrt(2))
    dil = ndi.grey_dilation(image, (side, side), mode='constant')
    peaks = np.vstack(np.where((image == dil) & (image > level))).T
    margin = max(r, sep // 2 - 1, diameter // 2)
    shape = np.array(image.shape)
    peaks = peaks[~np.any((peaks < margin) | (peaks > shape - margin - 1), 1)]
    mask = circle(r)
    my, mx = np.nonzero(mask)
    r2 = (my - r) ** 2 + (mx - r) ** 2
    theta = np.arctan2(my - r, mx - r)
    rows = []
    for cy, cx in peaks:
        for _ in range(max_iterations):
            px = image[cy - r + my, cx - r + mx].astype(float)
            m = px.sum()
            oy = (px * my).sum() / m - r
            ox = (px * mx).sum() / m - r
            fy, fx = oy + cy, ox + cx
            if abs(oy) < 0.6 and abs(ox) < 0.6:
                break
            cy = int(np.clip(cy + (oy > 0.6) - (oy < -0.6), r, image.shape[0] - 1 - r))
            cx = int(np.clip(cx + (ox > 0.6) - (ox < -0.6), r, image.shape[1] - 1 - r))
        size = np.sqrt((r2 * px).sum() / m)
        ecc = np.hypot((np.cos(2 * theta) * px).sum(), (np.sin(2 * theta) * px).sum()) / (m - image[cy, cx] + 1e-6)
        raw_mass = raw[cy - r + my, cx - r + mx].astype(float).sum()
        rows.append([fx, fy, m, size, ecc, px.max(), raw_mass])
    rows = np.array(rows)
    scaled = rows[:, [1, 0]] / sep
    drop = set()
    for i, j in cKDTree(scaled, 30).query_pairs(1 - 1e-7):
        if rows[i, 2] != rows[j, 2]:
            drop.add(j if rows[i, 2] > rows[j, 2] else i)
        else:
            drop.add(j if scaled[i].sum() > scaled[j].sum() else i)
    rows = np.delete(rows, sorted(drop), axis=0)
    rows[:, 2] /= factor
    rows[:, 5] /= factor
    rows = rows[rows[:, 2] > 0]
    background = ~ndi.binary_dilation(image, structure=mask)
    black, noise = raw[background].mean(), raw[background].std()
    signal_mass = rows[:, 6] - mask.sum() * black
    ep = noise / signal_mass * 1.0 * np.sqrt((((my - r) ** 2)).sum())
    return np.column_stack([rows, ep])


def write(name, entries):
    with open(os.path.join(HERE, name), 'w') as f:
        f.write('# made by make_fixtures.py; one entry per line: name then values\n')
        for key, value in entries:
            values = np.asarray(value, dtype=float).ravel()
            f.write(key + ' ' + ' '.join(repr(float(v)) for v in values) + '\n')


def spots(shape, centres, sigma, amplitude, background, rng, noise):
    yy, xx = np.indices(shape)
    img = np.full(shape, background, dtype=float)
    for cy, cx in centres:
        img += amplitude * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * sigma ** 2))
    return img + rng.normal(0, noise, shape)


def main():
    rng = np.random.default_rng(20240611)
    shape = (24, 31)
    float_image = rng.random(shape).astype(np.float32)
    float_image[10, 12] += 3
    write('bandpass_float32.txt', [
        ('shape', shape), ('noise_size', [1.3]), ('smoothing_size', [7]), ('threshold', [1 / 255.0]),
        ('input', float_image), ('lowpass', lowpass(float_image, 1.3)), ('boxcar', boxcar(float_image, 7)),
        ('bandpass', bandpass(float_image, 1.3, 7, 1 / 255.0))])

    int_image = rng.integers(0, 1000, shape).astype(np.uint16)
    int_image[5, 20] = 60000
    write('bandpass_uint16.txt', [
        ('shape', shape), ('noise_size', [1.0]), ('smoothing_size', [9]), ('threshold', [1.0]),
        ('input', int_image), ('lowpass', lowpass(int_image, 1.0)), ('boxcar', boxcar(int_image, 9)),
        ('bandpass', bandpass(int_image, 1.0, 9, 1.0))])

    peaks = rng.integers(0, 256, shape).astype(float) * (rng.random(shape) < 0.3)
    entries = [('shape', shape), ('input', peaks)]
    for sep in (4.0, 6.0, 12.0):
        side = int(2 * sep / np.sqrt(2))
        entries.append(('dilation_%g' % sep, ndi.grey_dilation(peaks, (side, side), mode='constant')))
    for p in (0.0, 37.5, 64.0, 99.9, 100.0):
        entries.append(('percentile_%g' % p, [np.percentile(peaks[np.nonzero(peaks)], p)]))
    background = ~ndi.binary_dilation(peaks, structure=circle(2))
    raw = rng.normal(100, 7, shape)
    entries += [('raw', raw), ('noise_radius', [2]), ('black_level', [raw[background].mean()]),
                ('noise', [raw[background].std()])]
    write('maxima_percentile_noise.txt', entries)

    centres = [(20.3, 30.7), (21.0, 70.2), (60.6, 25.1), (64.2, 66.9), (40.5, 48.5), (45.0, 52.0)]
    movie = np.clip(spots((90, 97), centres, 1.6, 400, 100, rng, 6), 0, None).round().astype(np.uint16)
    write('locate_uint16.txt', [('shape', movie.shape), ('diameter', [7]), ('input', movie),
                                ('features', reference_locate(movie, 7, True))])
    movie_f = (spots((90, 97), centres, 1.6, 0.5, 0.1, rng, 0.01)).astype(np.float32)
    write('locate_float32.txt', [('shape', movie_f.shape), ('diameter', [9]), ('input', movie_f),
                                 ('features', reference_locate(movie_f, 9, False))])


if __name__ == '__main__':
    main()
