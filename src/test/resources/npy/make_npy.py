#!/usr/bin/env python3
"""Writes the known-good .npy files that NpyWriterTest compares with byte for byte.

Run from this folder with NumPy installed: python3 make_npy.py
"""
import numpy as np

np.save("float64_3x2.npy", np.array([[0.0, -1.5], [1e-300, 65.25], [np.pi, -0.1]], dtype="<f8"))
np.save("int64_4x2.npy", np.array([[0, 5], [0, 17], [3, 2], [2**40, -7]], dtype="<i8"))
np.save("float64_5.npy", np.array([2.0, -0.0, 1.0 / 3.0, 1e300, -40.0], dtype="<f8"))
np.save("int64_3.npy", np.array([-(2**63), 0, 2**63 - 1], dtype="<i8"))
np.save("float64_0x3.npy", np.zeros((0, 3), dtype="<f8"))

# A header alone, for a shape too large to store: the writer streams rows, so it must announce any count.
with open("int64_123456789012x2.header", "wb") as header:
    np.lib.format.write_array_header_1_0(header, {"descr": "<i8", "fortran_order": False, "shape": (123456789012, 2)})
