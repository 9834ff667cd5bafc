"""The hostile-input corpus of the robustness tests (``tests/test_hostile*.py``).

:mod:`hostile.corpus` generates every case into a folder at test time (nothing
large is committed); ``files/`` holds a few small hand-written cases that are
easier to read as files than as Python.
"""
